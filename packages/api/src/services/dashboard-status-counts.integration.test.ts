import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createMugOrder, createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { orderCountsByStatus } from "./dashboard.ts";

// The dashboard's counts by status come from rows that triggers on "order" append (issue 13), not
// from counting the orders: every way an order is written must still show in them, and folding the
// rows must never change a total.
const t = useTestContext({ poolSize: 10 });
let staff: SessionUser;
let buyer: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  buyer = await createTestUser(t.db);
});

const counted = async () =>
  Object.fromEntries(
    (await t.db.order.groupBy({ by: ["status"], _count: { _all: true } })).map((row) => [
      row.status,
      BigInt(row._count._all),
    ]),
  );
const tallied = async (foldAt?: number) =>
  Object.fromEntries(
    (await orderCountsByStatus(t.db, foldAt))
      .filter((row) => row.count !== 0n)
      .map((row) => [row.status, row.count]),
  );

describe("order counts by status", () => {
  it("follow placements, transitions, cancellations, bulk writes and deletes, before and after folding", async () => {
    const product = await createTestProduct(t.db, { stock: 100 });
    const caller = callerAs(t.services, buyer);
    const place = () =>
      caller.order.create({ items: [{ productId: product.id, quantity: 1 }], shippingAddress: TEST_ADDRESS });
    const [paid, shipped, cancelled] = [await place(), await place(), await place()];
    await place();
    const asStaff = callerAs(t.services, staff);
    await asStaff.order.transition({ id: paid.id, to: "paid" });
    await asStaff.order.transition({ id: shipped.id, to: "paid" });
    await asStaff.order.transition({ id: shipped.id, to: "shipped", trackingNumber: "1Z999" });
    await caller.order.cancel({ id: cancelled.id });
    // Writes no service makes, and statements touching many orders at once.
    const extra = await Promise.all(
      [1, 2, 3].map(() => createMugOrder(t.db, { userId: buyer.id, productId: product.id })),
    );
    await t.db.order.updateMany({
      where: { id: { in: extra.map((o) => o.id) } },
      data: { status: "delivered" },
    });
    await t.db.order.updateMany({
      where: { id: { in: extra.map((o) => o.id) } },
      data: { trackingNumber: "x" },
    });
    await t.db.order.delete({ where: { id: extra[0]!.id } });

    const expected = await counted();
    expect(expected).toEqual({ pending: 1n, paid: 1n, shipped: 1n, cancelled: 1n, delivered: 2n });
    expect(await tallied()).toEqual(expected);
    expect(await tallied(0)).toEqual(expected); // this read folds
    expect(await t.db.orderStatusTally.count()).toBeLessThanOrEqual(5);
    expect(await tallied()).toEqual(expected);
  });

  it("keeps the totals when folds race each other and new orders", async () => {
    const product = await createTestProduct(t.db, { stock: 1_000 });
    await Promise.all([
      ...Array.from({ length: 20 }, () => createMugOrder(t.db, { userId: buyer.id, productId: product.id })),
      ...Array.from({ length: 8 }, () => orderCountsByStatus(t.db, 0)),
    ]);
    await Promise.all(Array.from({ length: 6 }, () => orderCountsByStatus(t.db, 0)));
    expect(await tallied()).toEqual(await counted());
  });
});
