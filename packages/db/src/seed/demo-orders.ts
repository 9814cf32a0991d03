import type { Db } from "../client.ts";
import type { OrderStatus } from "../generated/prisma/enums.ts";
import { demoProducts } from "./catalog-data.ts";
import { variantTitle } from "./demo-variants.ts";

/**
 * A line of a demo order: the index of a demo product, the quantity, and for a product sold in
 * variants the title of the variant bought (its first active variant when none is named).
 */
type DemoOrderLine = [productIndex: number, quantity: number, variant?: string];

/** Past orders for the demo shopper, one or more in every status, oldest first. */
const demoOrderPlan: { key: string; status: OrderStatus; daysAgo: number; lines: DemoOrderLine[] }[] = [
  {
    key: "seed-order-1",
    status: "delivered",
    daysAgo: 41,
    lines: [
      [0, 1],
      [9, 2],
    ],
  },
  {
    key: "seed-order-2",
    status: "delivered",
    daysAgo: 25,
    lines: [
      [17, 1],
      [48, 1, "M / Black"],
    ],
  },
  {
    key: "seed-order-3",
    status: "cancelled",
    daysAgo: 19,
    lines: [
      [26, 1],
      [33, 1],
    ],
  },
  { key: "seed-order-4", status: "shipped", daysAgo: 6, lines: [[42, 3]] },
  {
    key: "seed-order-5",
    status: "paid",
    daysAgo: 2,
    lines: [
      [50, 1, "Mustard"],
      [58, 1],
    ],
  },
  { key: "seed-order-6", status: "pending", daysAgo: 0, lines: [[3, 2]] },
];

const statusPath: Record<OrderStatus, OrderStatus[]> = {
  pending: ["pending"],
  paid: ["pending", "paid"],
  shipped: ["pending", "paid", "shipped"],
  delivered: ["pending", "paid", "shipped", "delivered"],
  cancelled: ["pending", "cancelled"],
};

async function loadDemoVariants(db: Db) {
  const products = await db.product.findMany({
    where: { slug: { in: demoProducts.map((p) => p.slug) } },
    select: {
      id: true,
      slug: true,
      name: true,
      variants: {
        where: { active: true },
        orderBy: { position: "asc" },
        select: { id: true, sku: true, option1: true, option2: true, option3: true, priceCents: true },
      },
    },
  });
  return new Map(
    products.map((product) => [
      product.slug,
      {
        ...product,
        variants: product.variants.map((variant) => ({
          ...variant,
          title: variantTitle([variant.option1, variant.option2, variant.option3]),
        })),
      },
    ]),
  );
}

/** Creates the demo shopper's orders that are missing (by idempotency key). Returns how many it created. */
export async function seedOrders(db: Db): Promise<number> {
  const shopper = await db.user.findUnique({
    where: { email: "shopper@stockroom.dev" },
    select: { id: true },
  });
  const staff = await db.user.findUnique({ where: { email: "staff@stockroom.dev" }, select: { id: true } });
  if (!shopper) return 0;
  const bySlug = await loadDemoVariants(db);
  let created = 0;
  for (const plan of demoOrderPlan) {
    const exists = await db.order.findUnique({
      where: { userId_idempotencyKey: { userId: shopper.id, idempotencyKey: plan.key } },
      select: { id: true },
    });
    if (exists) continue;
    const lines = plan.lines.flatMap(([productIndex, quantity, title]) => {
      const product = bySlug.get(demoProducts[productIndex]?.slug ?? "");
      const variant =
        product?.variants.find((candidate) => candidate.title === title) ?? product?.variants[0];
      return product && variant ? [{ product, variant, quantity }] : [];
    });
    if (lines.length === 0) continue;
    const subtotalCents = lines.reduce((sum, line) => sum + line.variant.priceCents * line.quantity, 0);
    const placedAt = new Date(Date.now() - plan.daysAgo * 86_400_000 - 3_600_000);
    const path = statusPath[plan.status];
    await db.order.create({
      data: {
        userId: shopper.id,
        status: plan.status,
        subtotalCents,
        totalCents: subtotalCents,
        shipStreet: "12 Harbour Lane",
        shipCity: "Portland",
        shipState: "ME",
        shipZip: "04101",
        shipCountry: "US",
        trackingNumber:
          plan.status === "shipped" || plan.status === "delivered" ? `1Z${plan.key.slice(-1)}4431998` : null,
        idempotencyKey: plan.key,
        createdAt: placedAt,
        updatedAt: new Date(placedAt.getTime() + (path.length - 1) * 86_400_000),
        items: {
          create: lines.map(({ product, variant, quantity }) => ({
            productId: product.id,
            variantId: variant.id,
            sku: variant.sku,
            productName: product.name,
            variantTitle: variant.title,
            unitPriceCents: variant.priceCents,
            quantity,
            lineTotalCents: variant.priceCents * quantity,
          })),
        },
        history: {
          create: path.map((toStatus, step) => ({
            fromStatus: step === 0 ? null : (path[step - 1] ?? null),
            toStatus,
            actorId: step === 0 ? shopper.id : (staff?.id ?? null),
            createdAt: new Date(placedAt.getTime() + step * 86_400_000),
          })),
        },
      },
    });
    created += 1;
  }
  return created;
}
