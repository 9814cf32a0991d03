import { verifyPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { tableSnapshot, useTestDatabase } from "../testing.ts";
import { isDatabaseEmpty, seedDemo } from "./demo.ts";

const t = useTestDatabase({ poolSize: 2 });

describe("demo seed", () => {
  it("builds a believable shop in an empty database", async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const summary = await seedDemo(t.db, { password: "stockroom-demo" });
    expect(summary.categoriesCreated).toBeGreaterThanOrEqual(8);
    expect(summary.productsCreated).toBeGreaterThanOrEqual(60);
    expect(await isDatabaseEmpty(t.db)).toBe(false);

    const levels = await t.db.inventoryLevel.findMany({ select: { onHand: true } });
    expect(levels.filter((level) => level.onHand === 0).length).toBeGreaterThan(0);
    expect(levels.filter((level) => level.onHand > 0 && level.onHand < 5).length).toBeGreaterThan(0);

    const statuses = await t.db.order.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((row) => row.status).sort()).toEqual([
      "cancelled",
      "delivered",
      "paid",
      "pending",
      "shipped",
    ]);
    const orders = await t.db.order.findMany({ include: { items: true } });
    for (const order of orders) {
      expect(order.totalCents).toBe(order.items.reduce((sum, item) => sum + item.lineTotalCents, 0n));
    }
  });

  it("creates the three demo accounts with their roles and the demo password", async () => {
    const users = await t.db.user.findMany({
      where: { email: { endsWith: "@stockroom.dev" } },
      include: { accounts: true },
      orderBy: { email: "asc" },
    });
    expect(users.map((user) => [user.email, user.role])).toEqual([
      ["admin@stockroom.dev", "ADMIN"],
      ["shopper@stockroom.dev", "CUSTOMER"],
      ["staff@stockroom.dev", "STAFF"],
    ]);
    for (const user of users) {
      const credential = user.accounts.find((account) => account.providerId === "credential");
      expect(await verifyPassword({ hash: credential!.password!, password: "stockroom-demo" })).toBe(true);
      expect(await verifyPassword({ hash: credential!.password!, password: "wrong-password" })).toBe(false);
    }
  });

  it("matches every variant's stock with its ledger", async () => {
    const rows = await t.db.$queryRaw<{ mismatches: bigint }[]>`
      SELECT count(*) AS mismatches FROM inventory_level l
      LEFT JOIN (SELECT "variantId", sum(delta) AS total FROM stock_movement GROUP BY "variantId") m ON m."variantId" = l."variantId"
      WHERE l."onHand" <> coalesce(m.total, 0)`;
    expect(Number(rows[0]!.mismatches)).toBe(0);
  });

  it("changes nothing when run a second time", async () => {
    const before = await tableSnapshot(t.url);
    const summary = await seedDemo(t.db, { password: "another-password" });
    expect(summary).toEqual({ categoriesCreated: 0, productsCreated: 0, usersCreated: 0, ordersCreated: 0 });
    expect(await tableSnapshot(t.url)).toEqual(before);
  });
});
