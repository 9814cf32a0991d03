import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import type { OrderStatus } from "../generated/prisma/enums.ts";
import { demoCategories, demoProducts } from "./catalog-data.ts";
import { demoAccounts } from "./demo-accounts.ts";

export interface SeedSummary {
  categoriesCreated: number;
  productsCreated: number;
  usersCreated: number;
  ordersCreated: number;
}

/** Past orders for the demo shopper, one or more in every status, oldest first. */
const demoOrderPlan: { key: string; status: OrderStatus; daysAgo: number; lines: [number, number][] }[] = [
  {
    key: "seed-order-1",
    status: "delivered",
    daysAgo: 41,
    lines: [
      [0, 1],
      [9, 2],
    ],
  },
  { key: "seed-order-2", status: "delivered", daysAgo: 25, lines: [[17, 1]] },
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
      [50, 1],
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

/** Creates the demo shop. Only adds what is missing, so running it again changes nothing. */
export async function seedDemo(db: Db, options: { password: string }): Promise<SeedSummary> {
  const categoriesCreated = (
    await db.category.createMany({
      data: demoCategories.map((category, position) => ({ ...category, position })),
      skipDuplicates: true,
    })
  ).count;
  const productsCreated = await seedProducts(db);
  const usersCreated = await seedAccounts(db, options.password);
  const ordersCreated = await seedOrders(db);
  await seedAddressBook(db);
  return { categoriesCreated, productsCreated, usersCreated, ordersCreated };
}

/**
 * The address of each demo order's shopper's latest order in their address book, as placing it would
 * have saved it (and migration 20261204200000_address_book does for orders already there). Skipped on a
 * database migrated only up to an earlier schema (migration tests seed one), where the table is absent.
 */
async function seedAddressBook(db: Db): Promise<void> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public.customer_address') IS NOT NULL AS exists`;
  if (!table?.exists) return;
  await db.$executeRaw`
    INSERT INTO customer_address ("userId", street, city, state, zip, country, "isDefault")
    SELECT DISTINCT ON (o."userId") o."userId", o."shipStreet", o."shipCity", o."shipState", o."shipZip",
      o."shipCountry", NOT EXISTS (SELECT 1 FROM customer_address a WHERE a."userId" = o."userId" AND a."isDefault")
    FROM "order" o JOIN "user" u ON u.id = o."userId"
    WHERE u.email = 'shopper@stockroom.dev'
    ORDER BY o."userId", o."createdAt" DESC
    ON CONFLICT DO NOTHING`;
}

/** True when the database holds no catalogue yet; `pnpm start` seeds only then. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.product.count()) === 0 && (await db.user.count()) === 0;
}

async function seedProducts(db: Db): Promise<number> {
  const categories = await db.category.findMany({ select: { id: true, slug: true } });
  const categoryIds = new Map(categories.map((category) => [category.slug, category.id]));
  const existing = new Set(
    (
      await db.product.findMany({
        select: { slug: true },
        where: { slug: { in: demoProducts.map((p) => p.slug) } },
      })
    ).map((product) => product.slug),
  );
  const missing = demoProducts.filter((product) => !existing.has(product.slug));
  // Spread creation times so "newest" sorts are meaningful; the first product is the oldest.
  const now = Date.now();
  for (const product of missing) {
    const createdAt = new Date(now - (demoProducts.length - demoProducts.indexOf(product)) * 3_600_000);
    await db.$transaction(async (tx) => {
      const created = await tx.product.create({
        data: {
          slug: product.slug,
          name: product.name,
          description: product.description,
          priceCents: product.priceCents,
          imageUrl: `/images/products/${product.slug}.svg`,
          categoryId: categoryIds.get(product.categorySlug) ?? null,
          createdAt,
          inventory: { create: { onHand: product.stock } },
        },
        select: { id: true },
      });
      if (product.stock > 0) {
        await tx.stockMovement.create({
          data: {
            productId: created.id,
            delta: product.stock,
            reason: "restock",
            note: "Opening stock",
            quantityAfter: product.stock,
          },
        });
      }
    });
  }
  return missing.length;
}

async function seedAccounts(db: Db, password: string): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    const found = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (found) continue;
    const id = randomUUID();
    await db.user.create({
      data: {
        id,
        email: account.email,
        name: account.name,
        role: account.role,
        emailVerified: true,
        accounts: {
          create: {
            id: randomUUID(),
            accountId: id,
            providerId: "credential",
            password: await hashPassword(password),
          },
        },
      },
    });
    created += 1;
  }
  return created;
}

async function seedOrders(db: Db): Promise<number> {
  const shopper = await db.user.findUnique({
    where: { email: "shopper@stockroom.dev" },
    select: { id: true },
  });
  const staff = await db.user.findUnique({ where: { email: "staff@stockroom.dev" }, select: { id: true } });
  if (!shopper) return 0;
  const products = await db.product.findMany({
    where: { slug: { in: demoProducts.map((p) => p.slug) } },
    select: { id: true, slug: true, name: true, priceCents: true },
  });
  const bySlug = new Map(products.map((product) => [product.slug, product]));
  let created = 0;
  for (const plan of demoOrderPlan) {
    const exists = await db.order.findUnique({
      where: { userId_idempotencyKey: { userId: shopper.id, idempotencyKey: plan.key } },
      select: { id: true },
    });
    if (exists) continue;
    const lines = plan.lines.flatMap(([productIndex, quantity]) => {
      const product = bySlug.get(demoProducts[productIndex]?.slug ?? "");
      return product ? [{ product, quantity }] : [];
    });
    if (lines.length === 0) continue;
    const subtotalCents = lines.reduce((sum, line) => sum + line.product.priceCents * line.quantity, 0);
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
          create: lines.map(({ product, quantity }) => ({
            productId: product.id,
            productName: product.name,
            unitPriceCents: product.priceCents,
            quantity,
            lineTotalCents: product.priceCents * quantity,
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
