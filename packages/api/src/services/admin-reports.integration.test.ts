import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();
let staff: SessionUser;
let buyer: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  buyer = await createTestUser(t.db, { email: "lifetime@example.test", name: "Lifetime Buyer" });
});

describe("admin reports", () => {
  it("computes revenue by period, orders by status, daily sales, low stock and recent orders", async () => {
    const product = await createTestProduct(t.db, { name: "Dashboard Lamp", priceCents: 2500, stock: 10 });
    const low = await createTestProduct(t.db, { name: "Nearly Gone", stock: 2 });
    const caller = callerAs(t.services, buyer);
    const kept = await caller.order.create({
      items: [{ productId: product.id, quantity: 2 }],
      shippingAddress: TEST_ADDRESS,
    });
    const cancelled = await caller.order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    await caller.order.cancel({ id: cancelled.id });
    // An order from 10 days ago counts for 30 days only.
    const old = await caller.order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    await t.db.order.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 10 * 86_400_000) },
    });

    const dashboard = await callerAs(t.services, staff).admin.dashboard();
    expect(dashboard.revenue.today).toEqual({ revenueCents: 5000, orders: 1 });
    expect(dashboard.revenue.last7Days).toEqual({ revenueCents: 5000, orders: 1 });
    expect(dashboard.revenue.last30Days).toEqual({ revenueCents: 7500, orders: 2 });
    expect(dashboard.ordersByStatus).toEqual({ pending: 2, paid: 0, shipped: 0, delivered: 0, cancelled: 1 });
    expect(dashboard.salesByDay).toHaveLength(30);
    expect(dashboard.salesByDay.at(-1)).toMatchObject({ revenueCents: 5000, orders: 1 });
    expect(dashboard.salesByDay.reduce((sum, day) => sum + day.revenueCents, 0)).toBe(7500);
    expect(dashboard.lowStock.map((row) => row.productId)).toContain(low.id);
    expect(dashboard.recentOrders[0]).toMatchObject({
      id: old.id === dashboard.recentOrders[0]?.id ? old.id : cancelled.id,
      customerEmail: "lifetime@example.test",
    });
    expect(dashboard.recentOrders.map((o) => o.id)).toEqual(
      expect.arrayContaining([kept.id, cancelled.id, old.id]),
    );
  });

  it("lists a variant as low stock once a sale or a new threshold puts it at or under the threshold", async () => {
    const admin = callerAs(t.services, staff);
    const product = await createTestProduct(t.db, { name: "Threshold Vase", stock: 6 });
    const lowIds = async () => (await admin.admin.dashboard()).lowStock.map((row) => row.productId);
    const lowFilter = async () =>
      (await admin.inventory.levels({ lowStock: true, productId: product.id, limit: 10 })).levels.length;
    expect(await lowIds()).not.toContain(product.id);
    expect(await lowFilter()).toBe(0);

    const shopper = await createTestUser(t.db, { email: "threshold@example.test" });
    await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect(await lowIds()).toContain(product.id);
    expect(await lowFilter()).toBe(1);

    await admin.product.update({ id: product.id, patch: { lowStockThreshold: 4 } });
    expect(await lowIds()).not.toContain(product.id);
    expect(await lowFilter()).toBe(0);
    await admin.product.update({ id: product.id, patch: { lowStockThreshold: 5 } });
    expect(await lowFilter()).toBe(1);
  });

  it("lists and searches customers and shows a customer's lifetime value without cancelled orders", async () => {
    const { customers } = await callerAs(t.services, staff).admin.customers({ q: "lifetime", limit: 10 });
    expect(customers.map((c) => c.email)).toEqual(["lifetime@example.test"]);
    expect(customers[0]!.orderCount).toBe(3);
    const customer = await callerAs(t.services, staff).admin.customer({ id: buyer.id });
    expect(customer).toMatchObject({
      email: "lifetime@example.test",
      lifetimeValueCents: 7500,
      orderCount: 2,
    });
    await expect(callerAs(t.services, staff).admin.customer({ id: "nobody" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists stored e-mails newest first, filtered by recipient", async () => {
    await t.db.emailMessage.createMany({
      data: [
        {
          dedupeKey: "a",
          to: "first@example.test",
          subject: "First",
          text: "1",
          createdAt: new Date(Date.now() - 1000),
        },
        { dedupeKey: "b", to: "second@example.test", subject: "Second", text: "2" },
      ],
    });
    const all = await callerAs(t.services, staff).admin.emails({ limit: 1 });
    expect(all.emails.map((e) => e.subject)).toEqual(["Second"]);
    const next = await callerAs(t.services, staff).admin.emails({ limit: 1, cursor: all.nextCursor! });
    expect(next.emails.map((e) => e.subject)).toEqual(["First"]);
    expect((await callerAs(t.services, staff).admin.emails({ to: "first", limit: 10 })).emails).toHaveLength(
      1,
    );
  });
});
