import type { DbClient } from "./db-client.ts";

let counter = 0;

/** A product with a stock level (and its opening ledger row), for tests. */
export async function createTestProduct(
  db: DbClient,
  overrides: {
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
  return db.product.create({
    data: {
      name,
      slug: overrides.slug ?? `test-product-${counter}-${Math.random().toString(36).slice(2, 8)}`,
      description: overrides.description ?? "",
      priceCents: overrides.priceCents ?? 1000,
      active: overrides.active ?? true,
      categoryId: overrides.categoryId,
      createdAt: overrides.createdAt,
      inventory: { create: { onHand: stock } },
      stockMovements:
        stock > 0 ? { create: { delta: stock, reason: "restock", quantityAfter: stock } } : undefined,
    },
  });
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
export function createMugOrder(db: DbClient, shopper: { userId: string; productId: string }) {
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
            productName: "Blue Mug",
            unitPriceCents: 1200,
            quantity: 2,
            lineTotalCents: 2400,
          },
        ],
      },
    },
  });
}
