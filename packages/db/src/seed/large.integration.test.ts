import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client.ts";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "../testing.ts";
import { seedDemo } from "./demo.ts";
import { seedLarge } from "./large.ts";

let name: string;
let db: Db;

beforeAll(async () => {
  name = await cloneTemplateDatabase();
  db = createDb(databaseUrl(name), { poolSize: 2 });
  await seedDemo(db, { password: "stockroom-demo" });
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(name);
});

describe("large seed", () => {
  it("adds the requested products and orders with consistent totals, items and history", async () => {
    const before = { products: await db.product.count(), orders: await db.order.count() };
    await seedLarge(databaseUrl(name), { products: 300, orders: 1_200 });
    expect(await db.product.count()).toBe(before.products + 300);
    expect(await db.order.count()).toBe(before.orders + 1_200);
    expect(await db.inventoryLevel.count()).toBe(await db.product.count());

    const [mismatch] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "order" o
      JOIN (SELECT "orderId", sum("lineTotalCents") AS total, count(*) AS lines FROM order_item GROUP BY "orderId") t ON t."orderId" = o.id
      WHERE o."totalCents" <> t.total OR t.lines < 1`;
    expect(Number(mismatch!.n)).toBe(0);
    const [orphans] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "order" o WHERE NOT EXISTS (SELECT 1 FROM order_status_history h WHERE h."orderId" = o.id)`;
    expect(Number(orphans!.n)).toBe(0);
    const statuses = await db.order.groupBy({ by: ["status"], _count: true });
    expect(statuses).toHaveLength(5);
  });
});
