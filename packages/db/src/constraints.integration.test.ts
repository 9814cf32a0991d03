import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client.ts";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "./testing.ts";

let name: string;
let db: Db;
let productId: string;

beforeAll(async () => {
  name = await cloneTemplateDatabase();
  db = createDb(databaseUrl(name), { poolSize: 2 });
  const product = await db.product.create({
    data: { slug: "mug", name: "Mug", priceCents: 1200, inventory: { create: { onHand: 3 } } },
  });
  productId = product.id;
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(name);
});

/** Postgres reports a CHECK violation as SQLSTATE 23514; Prisma surfaces it in the error text. */
const checkViolation = /23514|check constraint|violates check/i;

describe("database-level guarantees", () => {
  it("refuses stock below zero, even from raw SQL that skips the application", async () => {
    await expect(
      db.$executeRaw`UPDATE inventory_level SET "onHand" = "onHand" - 4 WHERE "productId" = ${productId}::uuid`,
    ).rejects.toThrow(checkViolation);
    const level = await db.inventoryLevel.findUniqueOrThrow({ where: { productId } });
    expect(level.onHand).toBe(3);
  });

  it("refuses a negative price", async () => {
    await expect(db.product.update({ where: { id: productId }, data: { priceCents: -1 } })).rejects.toThrow(
      checkViolation,
    );
  });

  it("refuses an order line with zero quantity or a line total that does not add up", async () => {
    const user = await db.user.create({ data: { id: "u1", email: "u1@example.test", name: "U" } });
    const order = await db.order.create({
      data: {
        userId: user.id,
        subtotalCents: 0,
        totalCents: 0,
        shipStreet: "s",
        shipCity: "c",
        shipState: "st",
        shipZip: "z",
      },
    });
    const line = { orderId: order.id, productId, productName: "Mug", unitPriceCents: 1200 };
    await expect(db.orderItem.create({ data: { ...line, quantity: 0, lineTotalCents: 0 } })).rejects.toThrow(
      checkViolation,
    );
    await expect(
      db.orderItem.create({ data: { ...line, quantity: 2, lineTotalCents: 100 } }),
    ).rejects.toThrow(checkViolation);
    await expect(
      db.orderItem.create({ data: { ...line, quantity: 2, lineTotalCents: 2400 } }),
    ).resolves.toMatchObject({ quantity: 2 });
  });

  it("numbers orders from a sequence that starts at six digits, and keeps idempotency keys unique per user", async () => {
    const user = await db.user.create({ data: { id: "u2", email: "u2@example.test", name: "U" } });
    const base = {
      userId: user.id,
      subtotalCents: 0,
      totalCents: 0,
      shipStreet: "s",
      shipCity: "c",
      shipState: "st",
      shipZip: "z",
    };
    const first = await db.order.create({ data: { ...base, idempotencyKey: "k1" } });
    expect(first.number).toBeGreaterThanOrEqual(100001);
    await expect(db.order.create({ data: { ...base, idempotencyKey: "k1" } })).rejects.toThrow(
      /Unique constraint/i,
    );
  });

  it("keeps the full-text search column in step with name and description", async () => {
    await db.product.update({
      where: { id: productId },
      data: { description: "Stoneware with a speckled glaze" },
    });
    const rows = await db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM product WHERE "searchVector" @@ websearch_to_tsquery('english', 'speckled stoneware')`;
    expect(rows.map((row) => row.slug)).toEqual(["mug"]);
  });
});
