import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing.ts";
import { seedDemo } from "./demo.ts";
import { seedLarge } from "./large.ts";

const t = useTestDatabase({ poolSize: 2 });

beforeAll(async () => {
  await seedDemo(t.db, { password: "stockroom-demo" });
});

describe("large seed", () => {
  it("adds the requested products and orders with consistent totals, items and history", async () => {
    const before = { products: await t.db.product.count(), orders: await t.db.order.count() };
    await seedLarge(t.url, { products: 300, orders: 1_200 });
    expect(await t.db.product.count()).toBe(before.products + 300);
    expect(await t.db.order.count()).toBe(before.orders + 1_200);
    expect(await t.db.inventoryLevel.count()).toBe(await t.db.product.count());

    const [mismatch] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "order" o
      JOIN (SELECT "orderId", sum("lineTotalCents") AS total, count(*) AS lines FROM order_item GROUP BY "orderId") t ON t."orderId" = o.id
      WHERE o."totalCents" <> t.total OR t.lines < 1`;
    expect(Number(mismatch!.n)).toBe(0);
    const [orphans] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "order" o WHERE NOT EXISTS (SELECT 1 FROM order_status_history h WHERE h."orderId" = o.id)`;
    expect(Number(orphans!.n)).toBe(0);
    const statuses = await t.db.order.groupBy({ by: ["status"], _count: true });
    expect(statuses).toHaveLength(5);
  });
});
