import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

// The counts on list rows are read for each page apart from the page itself (issue 13): each row
// must still carry its own count, on every page, and none for a row that has nothing to count.
const t = useTestContext();
let staff: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
});

async function placeOrderOf(buyer: SessionUser, lines: { productId: string; quantity: number }[]) {
  return callerAs(t.services, buyer).order.create({ items: lines, shippingAddress: TEST_ADDRESS });
}

describe("counts on admin list rows", () => {
  it("gives each order of the staff list its own number of lines, on every page", async () => {
    const buyer = await createTestUser(t.db, { email: "item.counts@example.test" });
    const products = await Promise.all([1, 2, 3].map(() => createTestProduct(t.db, { stock: 100 })));
    const expected = new Map<string, number>();
    for (const lines of [1, 3, 2, 1, 3]) {
      const order = await placeOrderOf(
        buyer,
        products.slice(0, lines).map((product) => ({ productId: product.id, quantity: 2 })),
      );
      expected.set(order.id, lines);
    }

    const caller = callerAs(t.services, staff);
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await caller.order.list({ customer: buyer.id, limit: 2, cursor });
      for (const order of page.orders) seen.set(order.id, order.itemCount);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);

    const own = await caller.order.listByUser({ userId: buyer.id, limit: 10 });
    expect(new Map(own.orders.map((order) => [order.id, order.itemCount]))).toEqual(expected);
  });

  it("gives each customer of the list their own number of orders, zero for none, on every page", async () => {
    const product = await createTestProduct(t.db, { stock: 100 });
    const expected = new Map<string, number>();
    for (const [index, orders] of [2, 0, 3, 1].entries()) {
      const buyer = await createTestUser(t.db, { email: `order.counts.${index}@example.test` });
      for (let n = 0; n < orders; n += 1) await placeOrderOf(buyer, [{ productId: product.id, quantity: 1 }]);
      expected.set(buyer.id, orders);
    }

    const caller = callerAs(t.services, staff);
    const seen = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await caller.admin.customers({ q: "order.counts", limit: 3, cursor });
      for (const customer of page.customers) seen.set(customer.id, customer.orderCount);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
