import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { getDashboard } from "./dashboard.ts";

// Issue 13: the dashboard's ranges, the period before, AOV, units and top products come from the
// sales rollups the triggers keep; these check them against orders placed, moved in time and
// cancelled, and the days against the shop's time zone.

const t = useTestContext();
let buyer: SessionUser;
const DAY = 86_400_000;

beforeAll(async () => {
  buyer = await createTestUser(t.db, { email: "ranges@example.test" });
});

async function place(productId: string, quantity: number, createdAt?: Date) {
  const order = await callerAs(t.services, buyer).order.create({
    items: [{ productId, quantity }],
    shippingAddress: TEST_ADDRESS,
  });
  if (createdAt) await t.db.order.update({ where: { id: order.id }, data: { createdAt } });
  return order;
}

describe("dashboard ranges (issue 13)", () => {
  it("sums the range and the period before, leaves cancelled orders out and ranks top products", async () => {
    const lamp = await createTestProduct(t.db, { name: "Range Lamp", priceCents: 1000, stock: 100 });
    const chair = await createTestProduct(t.db, { name: "Range Chair", priceCents: 3000, stock: 100 });
    const now = Date.now();
    await place(lamp.id, 2);
    const chairOrder = await place(chair.id, 1);
    const tenDaysAgo = await place(lamp.id, 1, new Date(now - 10 * DAY));
    await place(lamp.id, 3, new Date(now - 40 * DAY));
    const cancelled = await place(chair.id, 5);
    await callerAs(t.services, buyer).order.cancel({ id: cancelled.id });

    const week = await getDashboard(t.db, { range: 7, timeZone: "UTC" });
    expect(week.kpis.current).toEqual({ revenueCents: 5000, orders: 2, units: 3, averageOrderCents: 2500 });
    expect(week.kpis.previous).toEqual({ revenueCents: 1000, orders: 1, units: 1, averageOrderCents: 1000 });
    expect(week.salesByDay).toHaveLength(7);
    expect(week.salesByDay.at(-1)).toMatchObject({ revenueCents: 5000, orders: 2, units: 3 });

    const month = await getDashboard(t.db, { range: 30, timeZone: "UTC" });
    expect(month.kpis.current).toEqual({ revenueCents: 6000, orders: 3, units: 4, averageOrderCents: 2000 });
    expect(month.kpis.previous).toEqual({ revenueCents: 3000, orders: 1, units: 3, averageOrderCents: 3000 });
    expect(month.revenue.last30Days).toEqual({ revenueCents: 6000, orders: 3 });
    expect(month.topProducts.map((p) => [p.name, p.units, p.revenueCents])).toEqual([
      ["Range Lamp", 3, 3000],
      ["Range Chair", 1, 3000],
    ]);
    expect(month.topProducts[0]).toMatchObject({ productId: lamp.id, slug: lamp.slug });
    const quarter = await getDashboard(t.db, { range: 90, timeZone: "UTC" });
    expect(quarter.salesByDay).toHaveLength(90);
    expect(quarter.topProducts[0]).toMatchObject({ productId: lamp.id, units: 6, revenueCents: 6000 });

    // Cancelled later, an order leaves revenue, units and the top products: today's and an earlier day's.
    await callerAs(t.services, buyer).order.cancel({ id: chairOrder.id });
    await callerAs(t.services, buyer).order.cancel({ id: tenDaysAgo.id });
    const after = await getDashboard(t.db, { range: 30, timeZone: "UTC" });
    expect(after.kpis.current).toEqual({ revenueCents: 2000, orders: 1, units: 2, averageOrderCents: 2000 });
    expect(after.topProducts.map((p) => [p.name, p.units])).toEqual([["Range Lamp", 2]]);
  });

  it("buckets days in the shop's time zone, across a day boundary", async () => {
    const vase = await createTestProduct(t.db, { name: "Zone Vase", priceCents: 700, stock: 10 });
    // 04:30 UTC on 10 March 2030 is 23:30 on 9 March in New York and 10:00 on 10 March in Kolkata.
    await place(vase.id, 1, new Date("2030-03-10T04:30:00Z"));
    const now = new Date("2030-03-10T12:00:00Z");
    const york = await getDashboard(t.db, { range: 7, timeZone: "America/New_York" }, now);
    expect(york.salesByDay.at(-1)).toMatchObject({ day: "2030-03-10", orders: 0 });
    expect(york.salesByDay.at(-2)).toMatchObject({ day: "2030-03-09", orders: 1, revenueCents: 700 });
    const utc = await getDashboard(t.db, { range: 7, timeZone: "UTC" }, now);
    expect(utc.salesByDay.at(-1)).toMatchObject({ day: "2030-03-10", orders: 1, units: 1 });
    // 18:45 UTC is 00:15 the next day in Kolkata (+05:30): a half-hour zone keeps its own midnight.
    await place(vase.id, 2, new Date("2030-03-10T18:45:00Z"));
    const kolkata = await getDashboard(
      t.db,
      { range: 7, timeZone: "Asia/Kolkata" },
      new Date("2030-03-11T06:00:00Z"),
    );
    expect(kolkata.salesByDay.at(-1)).toMatchObject({ day: "2030-03-11", orders: 1, units: 2 });
    expect(kolkata.salesByDay.at(-2)).toMatchObject({ day: "2030-03-10", orders: 1, units: 1 });
    expect(kolkata.topProducts[0]).toMatchObject({ productId: vase.id, units: 3, revenueCents: 2100 });
  });

  it("refuses a time zone that is not an IANA zone and a range it does not offer", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const caller = callerAs(t.services, staff);
    await expect(caller.admin.dashboard({ range: 30, timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.admin.dashboard({ range: 14 as 7, timeZone: "UTC" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await caller.admin.dashboard({ range: 90, timeZone: "Europe/Berlin" })).range).toBe(90);
  });
});
