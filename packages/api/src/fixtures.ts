import type { DbClient } from "./db-client.ts";

let counter = 0;

/** A product with one default variant, its stock level (and its opening ledger row), for tests. */
export async function createTestProduct(
  db: DbClient,
  overrides: {
    id?: string;
    variantId?: string;
    sku?: string;
    name?: string;
    slug?: string;
    priceCents?: number;
    stock?: number;
    active?: boolean;
    categoryId?: string;
    description?: string;
    createdAt?: Date;
  } = {},
) {
  counter += 1;
  const stock = overrides.stock ?? 10;
  const name = overrides.name ?? `Test Product ${counter}`;
  const slug = overrides.slug ?? `test-product-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const priceCents = overrides.priceCents ?? 1000;
  const product = await db.product.create({
    data: {
      id: overrides.id,
      name,
      slug,
      description: overrides.description ?? "",
      priceCents,
      maxPriceCents: priceCents,
      active: overrides.active ?? true,
      categoryId: overrides.categoryId,
      createdAt: overrides.createdAt,
    },
  });
  const variant = await db.productVariant.create({
    data: {
      id: overrides.variantId,
      productId: product.id,
      sku: overrides.sku ?? slug.toUpperCase(),
      priceCents,
      inventory: { create: { onHand: stock } },
      stockMovements:
        stock > 0
          ? { create: { productId: product.id, delta: stock, reason: "restock", quantityAfter: stock } }
          : undefined,
    },
    select: { id: true, sku: true },
  });
  return { ...product, variantId: variant.id, sku: variant.sku };
}

export const TEST_ADDRESS = {
  street: "1 Test Street",
  city: "Portland",
  state: "OR",
  zip: "97201",
  country: "US",
};

/** Jobs waiting on the queue for an order (graphile-worker keeps payloads in its private table). */
export async function queuedOrderEvents(
  db: DbClient,
  orderId: string,
): Promise<{ task: string; payload: Record<string, unknown> }[]> {
  return db.$queryRaw`
    SELECT t.identifier AS task, j.payload
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.payload->>'orderId' = ${orderId}
    ORDER BY j.id`;
}

/** A pending order of two $12.00 mugs plus $4.99 shipping ($28.99), as the order e-mails expect it. */
export async function createMugOrder(db: DbClient, shopper: { userId: string; productId: string }) {
  const variant = await db.productVariant.findFirstOrThrow({
    where: { productId: shopper.productId },
    select: { id: true },
  });
  return db.order.create({
    select: { id: true, number: true },
    data: {
      userId: shopper.userId,
      subtotalCents: 2400,
      shippingCents: 499,
      totalCents: 2899,
      shipStreet: "1 Main St",
      shipCity: "Springfield",
      shipState: "IL",
      shipZip: "62701",
      items: {
        create: [
          {
            productId: shopper.productId,
            variantId: variant.id,
            sku: "BLUE-MUG",
            productName: "Blue Mug",
            variantTitle: "Default",
            unitPriceCents: 1200,
            quantity: 2,
            lineTotalCents: 2400,
          },
        ],
      },
    },
  });
}
