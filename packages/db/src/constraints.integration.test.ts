import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./testing.ts";

const t = useTestDatabase({ poolSize: 2 });
let productId: string;

beforeAll(async () => {
  const product = await t.db.product.create({
    data: { slug: "mug", name: "Mug", priceCents: 1200, inventory: { create: { onHand: 3 } } },
  });
  productId = product.id;
});

/** Postgres reports a CHECK violation as SQLSTATE 23514; Prisma surfaces it in the error text. */
const checkViolation = /23514|check constraint|violates check/i;

describe("database-level guarantees", () => {
  it("refuses stock below zero, even from raw SQL that skips the application", async () => {
    await expect(
      t.db
        .$executeRaw`UPDATE inventory_level SET "onHand" = "onHand" - 4 WHERE "productId" = ${productId}::uuid`,
    ).rejects.toThrow(checkViolation);
    const level = await t.db.inventoryLevel.findUniqueOrThrow({ where: { productId } });
    expect(level.onHand).toBe(3);
  });

  it("refuses a negative price", async () => {
    await expect(t.db.product.update({ where: { id: productId }, data: { priceCents: -1 } })).rejects.toThrow(
      checkViolation,
    );
  });

  it("refuses an order line with zero quantity or a line total that does not add up", async () => {
    const user = await t.db.user.create({ data: { id: "u1", email: "u1@example.test", name: "U" } });
    const order = await t.db.order.create({
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
    await expect(
      t.db.orderItem.create({ data: { ...line, quantity: 0, lineTotalCents: 0 } }),
    ).rejects.toThrow(checkViolation);
    await expect(
      t.db.orderItem.create({ data: { ...line, quantity: 2, lineTotalCents: 100 } }),
    ).rejects.toThrow(checkViolation);
    await expect(
      t.db.orderItem.create({ data: { ...line, quantity: 2, lineTotalCents: 2400 } }),
    ).resolves.toMatchObject({ quantity: 2 });
  });

  it("numbers orders from a sequence that starts at six digits, and keeps idempotency keys unique per user", async () => {
    const user = await t.db.user.create({ data: { id: "u2", email: "u2@example.test", name: "U" } });
    const base = {
      userId: user.id,
      subtotalCents: 0,
      totalCents: 0,
      shipStreet: "s",
      shipCity: "c",
      shipState: "st",
      shipZip: "z",
    };
    const first = await t.db.order.create({ data: { ...base, idempotencyKey: "k1" } });
    expect(first.number).toBeGreaterThanOrEqual(100001);
    await expect(t.db.order.create({ data: { ...base, idempotencyKey: "k1" } })).rejects.toThrow(
      /Unique constraint/i,
    );
  });

  it("keeps the full-text search column in step with name and description", async () => {
    await t.db.product.update({
      where: { id: productId },
      data: { description: "Stoneware with a speckled glaze" },
    });
    const rows = await t.db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM product WHERE "searchVector" @@ websearch_to_tsquery('english', 'speckled stoneware')`;
    expect(rows.map((row) => row.slug)).toEqual(["mug"]);
  });
});
