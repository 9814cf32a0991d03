import { createRedis } from "@stockroom/api";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestServices, createTestUser, useTestContext } from "../testing.ts";
import { stockLevels } from "./catalog.ts";

const t = useTestContext({ redis: true });
let staff: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
});

describe("catalog cache", () => {
  it("serves repeated reads from Redis", async () => {
    const product = await createTestProduct(t.db, { name: "Cached Lamp", priceCents: 1000 });
    const first = await callerAs(t.services, null).product.byId({ id: product.id });
    // Change the row behind the cache's back: a cached read must not see it.
    await t.db.product.update({ where: { id: product.id }, data: { name: "Changed Behind The Cache" } });
    expect(await callerAs(t.services, null).product.byId({ id: product.id })).toEqual(first);
    expect(await t.redis.exists(`catalog:entry:product:${product.id}`)).toBe(1);
  });

  it("shows every product write on the next read (detail and list)", async () => {
    const product = await createTestProduct(t.db, { name: "Price Watch", priceCents: 1000 });
    const anonymous = callerAs(t.services, null);
    await anonymous.product.byId({ id: product.id });
    await anonymous.product.list({ q: "price watch" });
    await callerAs(t.services, staff).product.update({ id: product.id, patch: { priceCents: 1500 } });
    expect((await anonymous.product.byId({ id: product.id })).priceCents).toBe(1500);
    expect((await anonymous.product.list({ q: "price watch" })).products[0]?.priceCents).toBe(1500);
  });

  it("shows stock changes from orders, cancellations and adjustments on the next read", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const shopper = await createTestUser(t.db);
    const stockNow = async () => (await callerAs(t.services, null).product.byId({ id: product.id })).stock;
    expect(await stockNow()).toBe(5);
    const order = await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 2 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect(await stockNow()).toBe(3);
    await callerAs(t.services, shopper).order.cancel({ id: order.id });
    expect(await stockNow()).toBe(5);
    await callerAs(t.services, staff).inventory.adjust({
      productId: product.id,
      delta: -4,
      reason: "adjustment",
    });
    expect(await stockNow()).toBe(1);
  });

  it("reads straight from Postgres, without errors, when Redis is unreachable", async () => {
    const deadRedis = createRedis("redis://127.0.0.1:1/0");
    try {
      const offline = createTestServices(t.db, deadRedis);
      const product = await createTestProduct(t.db, { name: "Offline Kettle" });
      expect((await callerAs(offline, null).product.byId({ id: product.id })).name).toBe("Offline Kettle");
      expect((await callerAs(offline, null).product.list({ q: "offline kettle" })).products).toHaveLength(1);
      await callerAs(offline, staff).product.update({
        id: product.id,
        patch: { name: "Offline Kettle Two" },
      });
      expect((await callerAs(offline, null).product.byId({ id: product.id })).name).toBe(
        "Offline Kettle Two",
      );
    } finally {
      deadRedis.disconnect();
    }
  });

  it("sells without touching other cached pages, and never serves a level read before a sale after it", async () => {
    const sold = await createTestProduct(t.db, { name: "Sold Lamp", stock: 10 });
    const other = await createTestProduct(t.db, { name: "Other Lamp", stock: 10 });
    const anonymous = callerAs(t.services, null);
    await anonymous.product.byId({ id: other.id });
    const versionBefore = await t.services.cache.currentVersion();
    const shopper = await createTestUser(t.db);
    await callerAs(t.services, shopper).order.create({
      items: [{ productId: sold.id, quantity: 3 }],
      shippingAddress: TEST_ADDRESS,
    });
    // A sale that leaves stock moves only the product's own stamp, not the catalog version.
    expect(await t.services.cache.currentVersion()).toBe(versionBefore);
    expect((await anonymous.product.byId({ id: sold.id })).stock).toBe(7);

    // A level loaded before a sale commits, and stored after it, must not be served afterwards.
    const ids = [sold.id];
    const raced = await t.services.cache.levels(ids, async (missing) => {
      const before = await stockLevels(t.db, missing);
      await callerAs(t.services, shopper).order.create({
        items: [{ productId: sold.id, quantity: 2 }],
        shippingAddress: TEST_ADDRESS,
      });
      return before;
    });
    expect(raced.get(sold.id)?.stock).toBe(7);
    const next = await t.services.cache.levels(ids, (missing) => stockLevels(t.db, missing));
    expect(next.get(sold.id)?.stock).toBe(5);
  });

  it("drops a product from in-stock lists when it sells out, and brings it back when restocked", async () => {
    const product = await createTestProduct(t.db, { name: "Last Candle", stock: 1 });
    const anonymous = callerAs(t.services, null);
    const inStockNames = async () =>
      (await anonymous.product.list({ q: "last candle", inStock: true })).products.map((p) => p.name);
    expect(await inStockNames()).toEqual(["Last Candle"]);
    const shopper = await createTestUser(t.db);
    const order = await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect(await inStockNames()).toEqual([]);
    await callerAs(t.services, shopper).order.cancel({ id: order.id });
    expect(await inStockNames()).toEqual(["Last Candle"]);
  });
});
