import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct, queuedOrderEvents, TEST_ADDRESS } from "../fixtures.ts";
import { type Sql, sqlOn } from "../sql.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { placeOrder } from "./order-placement.ts";
import { ORDER_PLACEMENT_SQL } from "./order-placement-sql.ts";
import { createOrder, getOrderView } from "./orders.ts";

const t = useTestContext({ poolSize: 20 });
let shopper: SessionUser;
let staff: SessionUser;

beforeAll(async () => {
  shopper = await createTestUser(t.db);
  staff = await createTestUser(t.db, { role: "STAFF" });
});

const onHand = async (productId: string) =>
  (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId } } })).onHand;
const ledgerSum = async (productId: string) =>
  (await t.db.stockMovement.aggregate({ where: { productId }, _sum: { delta: true } }))._sum.delta ?? 0;

describe("placing an order", () => {
  it("takes stock, snapshots names and prices, adds up repeated lines and computes totals on the server", async () => {
    const mug = await createTestProduct(t.db, { name: "Mug", priceCents: 1250, stock: 10 });
    const lamp = await createTestProduct(t.db, { name: "Lamp", priceCents: 4999, stock: 5 });
    const order = await callerAs(t.services, shopper).order.create({
      items: [
        { productId: mug.id, quantity: 1 },
        { productId: lamp.id, quantity: 1 },
        { productId: mug.id, quantity: 2 },
      ],
      shippingAddress: TEST_ADDRESS,
      // A shopper may send these, but they are ignored: the server decides.
      ...({ totalCents: 1, status: "delivered", userId: staff.id } as object),
    });
    expect(order).toMatchObject({
      status: "pending",
      userId: shopper.id,
      subtotalCents: 3 * 1250 + 4999,
      totalCents: 3 * 1250 + 4999,
      currency: "USD",
    });
    expect(order.number).toBeGreaterThanOrEqual(100001);
    const line = { imageUrl: null, unitPriceCents: 1250 };
    expect(order.items).toEqual([
      {
        ...line,
        productId: lamp.id,
        variantId: lamp.variantId,
        sku: lamp.sku,
        variantTitle: "Default",
        productName: "Lamp",
        productSlug: lamp.slug,
        unitPriceCents: 4999,
        quantity: 1,
        lineTotalCents: 4999,
      },
      {
        ...line,
        productId: mug.id,
        variantId: mug.variantId,
        sku: mug.sku,
        variantTitle: "Default",
        productName: "Mug",
        productSlug: mug.slug,
        quantity: 3,
        lineTotalCents: 3750,
      },
    ]);
    // The placement statement's own answer and a later read of the order describe its lines alike.
    expect((await getOrderView(t.db, order.id)).items).toEqual(order.items);
    expect(order.history).toMatchObject([{ fromStatus: null, toStatus: "pending" }]);
    expect(await onHand(mug.id)).toBe(7);
    expect(await onHand(lamp.id)).toBe(4);
    expect(await ledgerSum(mug.id)).toBe(7);
    const movement = await t.db.stockMovement.findFirstOrThrow({
      where: { orderId: order.id, productId: mug.id },
    });
    expect(movement).toMatchObject({ delta: -3, reason: "sale", quantityAfter: 7, actorId: shopper.id });
    expect(await queuedOrderEvents(t.db, order.id)).toEqual([
      { task: "order.created", payload: { orderId: order.id } },
    ]);
  });

  it("writes nothing when one item is short, and says which, how many are left and how many were asked for", async () => {
    const plenty = await createTestProduct(t.db, { stock: 10 });
    const scarce = await createTestProduct(t.db, { name: "Scarce Thing", stock: 2 });
    const ordersBefore = await t.db.order.count();
    await expect(
      callerAs(t.services, shopper).order.create({
        items: [
          { productId: plenty.id, quantity: 1 },
          { productId: scarce.id, quantity: 3 },
        ],
        shippingAddress: TEST_ADDRESS,
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Insufficient inventory",
      cause: { details: { productId: scarce.id, productName: "Scarce Thing", available: 2, requested: 3 } },
    });
    expect(await onHand(plenty.id)).toBe(10);
    expect(await onHand(scarce.id)).toBe(2);
    expect(await t.db.order.count()).toBe(ordersBefore);
    expect(
      await t.db.stockMovement.count({
        where: { productId: { in: [plenty.id, scarce.id] }, reason: "sale" },
      }),
    ).toBe(0);
  });

  it("refuses unknown and archived products with 404 naming the product", async () => {
    const archived = await createTestProduct(t.db, { active: false });
    for (const productId of [archived.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(
        callerAs(t.services, shopper).order.create({
          items: [{ productId, quantity: 1 }],
          shippingAddress: TEST_ADDRESS,
        }),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Product not found",
        cause: { details: { productId } },
      });
    }
  });

  it("sells exactly the stock under 200 concurrent orders from 20 users, with no errors but short stock", async () => {
    const hot = await createTestProduct(t.db, { stock: 20 });
    const users = await Promise.all(Array.from({ length: 20 }, () => createTestUser(t.db)));
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        callerAs(t.services, users[i % 20]!).order.create({
          items: [{ productId: hot.id, quantity: 1 }],
          shippingAddress: TEST_ADDRESS,
        }),
      ),
    );
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(20);
    expect(rejected).toHaveLength(180);
    for (const rejection of rejected)
      expect(rejection.reason).toMatchObject({ code: "BAD_REQUEST", message: "Insufficient inventory" });
    expect(await onHand(hot.id)).toBe(0);
    expect(await ledgerSum(hot.id)).toBe(0);
    expect(
      await t.db.orderItem.aggregate({ where: { productId: hot.id }, _sum: { quantity: true } }),
    ).toEqual({
      _sum: { quantity: 20 },
    });
  });

  it("sells two hot products to concurrent multi-item orders in any line order without deadlock errors", async () => {
    const a = await createTestProduct(t.db, { stock: 15 });
    const b = await createTestProduct(t.db, { stock: 15 });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        callerAs(t.services, shopper).order.create({
          items:
            i % 2
              ? [
                  { productId: a.id, quantity: 1 },
                  { productId: b.id, quantity: 1 },
                ]
              : [
                  { productId: b.id, quantity: 1 },
                  { productId: a.id, quantity: 1 },
                ],
          shippingAddress: TEST_ADDRESS,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(15);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ message: "Insufficient inventory" });
    expect([await onHand(a.id), await onHand(b.id)]).toEqual([0, 0]);
  });
});

describe("ordering on behalf of a customer", () => {
  it("lets staff order for an existing customer, and answers 404 (not a 500) for an unknown or deactivated one", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const customer = await createTestUser(t.db, { email: "on.behalf@example.test", name: "On Behalf" });
    const { order } = await createOrder(
      t.db,
      { userId: customer.id, items: [{ productId: product.id, quantity: 1 }], shippingAddress: TEST_ADDRESS },
      staff,
    );
    expect(order).toMatchObject({
      userId: customer.id,
      customer: { email: "on.behalf@example.test", name: "On Behalf" },
    });
    const inactive = await createTestUser(t.db, { active: false });
    for (const userId of ["no-such-user", inactive.id]) {
      await expect(
        createOrder(
          t.db,
          { userId, items: [{ productId: product.id, quantity: 1 }], shippingAddress: TEST_ADDRESS },
          staff,
        ),
      ).rejects.toMatchObject({
        message: "User not found",
      });
    }
    expect(await onHand(product.id)).toBe(4);
  });

  it("places a staff member's order inside the audit transaction: order and audit row commit or roll back together", async () => {
    const product = await createTestProduct(t.db, { stock: 2, priceCents: 1250 });
    const caller = callerAs(t.services, staff);
    const order = await caller.order.create({
      items: [{ productId: product.id, quantity: 2 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect(order).toMatchObject({ userId: staff.id, status: "pending", totalCents: 2500 });
    expect(await t.db.auditLog.count({ where: { entityId: order.id, actorId: staff.id } })).toBe(1);
    expect(await onHand(product.id)).toBe(0);
    expect(await queuedOrderEvents(t.db, order.id)).toEqual([
      { task: "order.created", payload: { orderId: order.id } },
    ]);

    const [ordersBefore, auditBefore] = [await t.db.order.count(), await t.db.auditLog.count()];
    await expect(
      caller.order.create({ items: [{ productId: product.id, quantity: 1 }], shippingAddress: TEST_ADDRESS }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { productId: product.id, available: 0, requested: 1 } },
    });
    expect([await t.db.order.count(), await t.db.auditLog.count()]).toEqual([ordersBefore, auditBefore]);
  });

  it("returns the same view right after placing as a later read does (regression: the view is built from the transaction)", async () => {
    const a = await createTestProduct(t.db, { name: "Zinc Tray", priceCents: 900 });
    const b = await createTestProduct(t.db, { name: "Ash Bowl", priceCents: 1500 });
    const placed = await callerAs(t.services, shopper).order.create({
      items: [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
      shippingAddress: TEST_ADDRESS,
    });
    expect(await callerAs(t.services, shopper).order.byId({ id: placed.id })).toEqual(placed);
  });
});

describe("idempotency", () => {
  it("returns the original order for the same key and body, and refuses the key with a different body", async () => {
    const product = await createTestProduct(t.db, { stock: 10 });
    const caller = callerAs(t.services, shopper);
    const request = {
      items: [{ productId: product.id, quantity: 2 }],
      shippingAddress: TEST_ADDRESS,
      idempotencyKey: "checkout-abc-123",
    };
    const first = await caller.order.create(request);
    const again = await caller.order.create(request);
    expect(again.id).toBe(first.id);
    expect(await onHand(product.id)).toBe(8);
    await expect(
      caller.order.create({ ...request, items: [{ productId: product.id, quantity: 3 }] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This idempotency key was already used for a different order",
    });
    // Keys are per user: another shopper may use the same key.
    const other = await createTestUser(t.db);
    const theirs = await callerAs(t.services, other).order.create(request);
    expect(theirs.id).not.toBe(first.id);
  });

  it("creates exactly one order when the same request races itself (a double click)", async () => {
    const product = await createTestProduct(t.db, { stock: 10 });
    const caller = callerAs(t.services, shopper);
    const request = {
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
      idempotencyKey: "double-click-key-1",
    };
    const orders = await Promise.all(Array.from({ length: 5 }, () => caller.order.create(request)));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1);
    expect(await onHand(product.id)).toBe(9);
  });

  // The loser's unique violation aborted the staff mutation's transaction, and its replay then ran in
  // that aborted transaction (25P02), answering 500.
  it("creates exactly one order when a staff request races itself inside the staff mutation's transaction", async () => {
    const product = await createTestProduct(t.db, { stock: 10 });
    const caller = callerAs(t.services, staff);
    const request = {
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
      idempotencyKey: "staff-double-click-key-1",
    };
    const orders = await Promise.all(Array.from({ length: 5 }, () => caller.order.create(request)));
    expect(new Set(orders.map((o) => o.id)).size).toBe(1);
    expect(await onHand(product.id)).toBe(9);
    expect(await t.db.order.count({ where: { idempotencyKey: request.idempotencyKey } })).toBe(1);
    // Each call is audited once, the retried ones included (their aborted attempts rolled back).
    expect(await t.db.auditLog.count({ where: { actorId: staff.id, entityId: orders[0]!.id } })).toBe(5);
  });
});

describe("reading orders", () => {
  it("lets a customer read their own orders and answers 404 for anyone else's; staff read all", async () => {
    const product = await createTestProduct(t.db);
    const owner = await createTestUser(t.db);
    const stranger = await createTestUser(t.db);
    const order = await callerAs(t.services, owner).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect((await callerAs(t.services, owner).order.byId({ id: order.id })).id).toBe(order.id);
    await expect(callerAs(t.services, stranger).order.byId({ id: order.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Order not found",
    });
    expect((await callerAs(t.services, staff).order.byId({ id: order.id })).customer.id).toBe(owner.id);

    const mine = await callerAs(t.services, owner).order.listMine({ limit: 10 });
    expect(mine.orders.map((o) => o.id)).toEqual([order.id]);
    await expect(
      callerAs(t.services, stranger).order.listByUser({ userId: owner.id, limit: 10 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      (await callerAs(t.services, staff).order.listByUser({ userId: owner.id, limit: 10 })).orders,
    ).toHaveLength(1);
  });

  it("pages newest first with a keyset cursor", async () => {
    const product = await createTestProduct(t.db, { stock: 50 });
    const buyer = await createTestUser(t.db);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push(
        (
          await callerAs(t.services, buyer).order.create({
            items: [{ productId: product.id, quantity: 1 }],
            shippingAddress: TEST_ADDRESS,
          })
        ).id,
      );
    }
    const first = await callerAs(t.services, buyer).order.listMine({ limit: 2 });
    const second = await callerAs(t.services, buyer).order.listMine({ limit: 2, cursor: first.nextCursor! });
    const third = await callerAs(t.services, buyer).order.listMine({ limit: 2, cursor: second.nextCursor! });
    expect([...first.orders, ...second.orders, ...third.orders].map((o) => o.id)).toEqual(
      [...created].reverse(),
    );
    expect(third.nextCursor).toBeNull();
  });

  it("pages the staff list oldest first too, with a cursor that only that order accepts", async () => {
    const product = await createTestProduct(t.db, { stock: 50 });
    const buyer = await createTestUser(t.db);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      created.push(
        (
          await callerAs(t.services, buyer).order.create({
            items: [{ productId: product.id, quantity: 1 }],
            shippingAddress: TEST_ADDRESS,
          })
        ).id,
      );
    }
    const caller = callerAs(t.services, staff);
    const query = { customer: buyer.id, sort: "oldest", limit: 2 } as const;
    const first = await caller.order.list(query);
    const second = await caller.order.list({ ...query, cursor: first.nextCursor! });
    const third = await caller.order.list({ ...query, cursor: second.nextCursor! });
    expect([...first.orders, ...second.orders, ...third.orders].map((o) => o.id)).toEqual(created);
    expect(third.nextCursor).toBeNull();
    await expect(
      caller.order.list({ customer: buyer.id, limit: 2, cursor: first.nextCursor! }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("filters the staff list by status, customer, number and date", async () => {
    const product = await createTestProduct(t.db, { stock: 50 });
    const buyer = await createTestUser(t.db, { email: "filter.me@example.test", name: "Filter Me" });
    const a = await callerAs(t.services, buyer).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    const b = await callerAs(t.services, buyer).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    await callerAs(t.services, staff).order.transition({ id: b.id, to: "paid" });
    const caller = callerAs(t.services, staff);
    expect((await caller.order.list({ customer: "filter.me", limit: 10 })).orders.map((o) => o.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect(
      (await caller.order.list({ customer: "Filter", status: "paid", limit: 10 })).orders.map((o) => o.id),
    ).toEqual([b.id]);
    expect((await caller.order.list({ number: a.number, limit: 10 })).orders.map((o) => o.id)).toEqual([
      a.id,
    ]);
    expect(
      (await caller.order.list({ customer: buyer.id, from: new Date(Date.now() + 60_000), limit: 10 }))
        .orders,
    ).toEqual([]);
  });
});

describe("cancelling", () => {
  it("restocks every item with ledger rows, and refuses from other statuses naming the status", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const caller = callerAs(t.services, shopper);
    const order = await caller.order.create({
      items: [{ productId: product.id, quantity: 3 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect(await onHand(product.id)).toBe(2);
    const cancelled = await caller.order.cancel({ id: order.id });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.history.map((h) => h.toStatus)).toEqual(["pending", "cancelled"]);
    expect(await onHand(product.id)).toBe(5);
    expect(await ledgerSum(product.id)).toBe(5);
    await expect(caller.order.cancel({ id: order.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Order cannot be cancelled",
      cause: { details: { status: "cancelled" } },
    });
  });

  it("restocks exactly once when two cancels race", async () => {
    const product = await createTestProduct(t.db, { stock: 4 });
    const order = await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 4 }],
      shippingAddress: TEST_ADDRESS,
    });
    const results = await Promise.allSettled([
      callerAs(t.services, shopper).order.cancel({ id: order.id }),
      callerAs(t.services, staff).order.cancel({ id: order.id }),
      callerAs(t.services, shopper).order.cancel({ id: order.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await onHand(product.id)).toBe(4);
    expect(await t.db.stockMovement.count({ where: { orderId: order.id, reason: "cancellation" } })).toBe(1);
  });

  it("lets staff cancel any order but a customer only their own (404 otherwise), and only while pending or paid", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const order = await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    const stranger = await createTestUser(t.db);
    await expect(callerAs(t.services, stranger).order.cancel({ id: order.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await callerAs(t.services, staff).order.transition({ id: order.id, to: "paid" });
    await callerAs(t.services, staff).order.transition({
      id: order.id,
      to: "shipped",
      trackingNumber: "1Z999",
    });
    await expect(callerAs(t.services, shopper).order.cancel({ id: order.id })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { status: "shipped" } },
    });
  });
});

describe("status transitions", () => {
  it("walks pending → paid → shipped (with tracking) → delivered, recording history and events", async () => {
    const product = await createTestProduct(t.db);
    const order = await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    const caller = callerAs(t.services, staff);
    await expect(
      caller.order.transition({ id: order.id, to: "shipped", trackingNumber: "1Z1" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.order.transition({ id: order.id, to: "shipped" } as never)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await caller.order.transition({ id: order.id, to: "paid", note: "Paid by card" });
    const shipped = await caller.order.transition({
      id: order.id,
      to: "shipped",
      trackingNumber: "1Z999AA10123456784",
    });
    expect(shipped.trackingNumber).toBe("1Z999AA10123456784");
    const delivered = await caller.order.transition({ id: order.id, to: "delivered" });
    expect(delivered.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "pending"],
      ["pending", "paid"],
      ["paid", "shipped"],
      ["shipped", "delivered"],
    ]);
    expect(delivered.history[1]?.note).toBe("Paid by card");
    const events = await queuedOrderEvents(t.db, order.id);
    expect(events.map((e) => [e.task, e.payload.to])).toEqual([
      ["order.created", undefined],
      ["order.status_changed", "paid"],
      ["order.status_changed", "shipped"],
      ["order.status_changed", "delivered"],
    ]);
    const audit = await t.db.auditLog.findMany({ where: { entityId: order.id, action: "order.transition" } });
    expect(audit).toHaveLength(3);
  });
});

describe("bulk transitions", () => {
  it("moves every order that may move, reports the others, and audits each change", async () => {
    const product = await createTestProduct(t.db, { stock: 10 });
    const caller = callerAs(t.services, shopper);
    const a = await caller.order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    const b = await caller.order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    const cancelled = await caller.order.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    await caller.order.cancel({ id: cancelled.id });
    const result = await callerAs(t.services, staff).order.bulkTransition({
      ids: [a.id, b.id, cancelled.id],
      to: "paid",
      note: "Bank transfer batch",
    });
    expect(result.changed).toBe(2);
    expect(result.results).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: cancelled.id, ok: false, error: "Order cannot move from cancelled to paid" },
    ]);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("paid");
    expect(
      await t.db.auditLog.count({
        where: { action: "order.transition", entityId: { in: [a.id, b.id, cancelled.id] } },
      }),
    ).toBe(2);
  });
});

describe("a product changing while its order is placed", () => {
  /** Runs `change` once, or every time, between reading the products and the write that checks them. */
  function changingBeforeTheWrite(change: () => Promise<unknown>, always = false): Sql {
    const sql = sqlOn(t.db);
    let changed = false;
    return {
      async rows(statement, values) {
        if (statement === ORDER_PLACEMENT_SQL.place && (always || !changed)) {
          changed = true;
          await change();
        }
        return sql.rows(statement, values);
      },
    };
  }
  const customer = () => ({ id: shopper.id, email: shopper.email, name: shopper.name });
  const requestFor = (productId: string) => ({
    userId: shopper.id,
    items: [{ productId, quantity: 2 }],
    shippingAddress: TEST_ADDRESS,
  });

  it("reads the new price and charges it, never the old one", async () => {
    const product = await createTestProduct(t.db, { stock: 5, priceCents: 1000 });
    const sql = changingBeforeTheWrite(() =>
      t.db.productVariant.update({ where: { id: product.variantId }, data: { priceCents: 1500 } }),
    );
    const { order } = await placeOrder(sql, requestFor(product.id), "hash", shopper, customer());
    expect(order).toMatchObject({ totalCents: 3000, items: [{ unitPriceCents: 1500, quantity: 2 }] });
    expect(await onHand(product.id)).toBe(3);
  });

  it("refuses a product archived in between, and writes nothing", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const sql = changingBeforeTheWrite(() =>
      t.db.product.update({ where: { id: product.id }, data: { active: false } }),
    );
    await expect(placeOrder(sql, requestFor(product.id), "hash", shopper, customer())).rejects.toMatchObject({
      message: "Product not found",
    });
    expect(await onHand(product.id)).toBe(5);
    expect(await t.db.orderItem.count({ where: { productId: product.id } })).toBe(0);
  });

  it("gives up with a 409 when the price keeps changing, and writes nothing", async () => {
    const product = await createTestProduct(t.db, { stock: 5, priceCents: 1000 });
    const sql = changingBeforeTheWrite(
      () =>
        t.db.productVariant.update({
          where: { id: product.variantId },
          data: { priceCents: { increment: 1 } },
        }),
      true,
    );
    await expect(placeOrder(sql, requestFor(product.id), "hash", shopper, customer())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await onHand(product.id)).toBe(5);
    expect(await t.db.orderItem.count({ where: { productId: product.id } })).toBe(0);
  });
});

describe("defect 12: staff placing an order for a customer can name a STAFF or ADMIN account", () => {
  const line = async () => [{ productId: (await createTestProduct(t.db, { stock: 10 })).id, quantity: 1 }];

  it("refuses a STAFF or ADMIN account (400 naming the rule) and an inactive one (404) as the customer, writing nothing", async () => {
    const targets = [
      await createTestUser(t.db, { role: "STAFF" }),
      await createTestUser(t.db, { role: "ADMIN" }),
      await createTestUser(t.db, { active: false }),
    ];
    const items = await line();
    const ordersBefore = await t.db.order.count();
    for (const [index, target] of targets.entries()) {
      await expect(
        createOrder(t.db, { userId: target.id, items, shippingAddress: TEST_ADDRESS }, staff),
      ).rejects.toMatchObject(
        index < 2
          ? { code: "BAD_REQUEST", message: "Orders can be placed for customer accounts only" }
          : { code: "NOT_FOUND", message: "User not found" },
      );
    }
    expect(await t.db.order.count()).toBe(ordersBefore);
    expect(await onHand(items[0]!.productId)).toBe(10);
  });

  it("still lets staff order for an active customer", async () => {
    const customer = await createTestUser(t.db);
    const order = await createOrder(
      t.db,
      { userId: customer.id, items: await line(), shippingAddress: TEST_ADDRESS },
      staff,
    );
    expect(order.order.customer.id).toBe(customer.id);
  });

  it("tRPC order.create never places an order for an account named in the input", async () => {
    const admin = await createTestUser(t.db, { role: "ADMIN" });
    const order = await callerAs(t.services, staff).order.create({
      items: await line(),
      shippingAddress: TEST_ADDRESS,
      ...({ userId: admin.id } as object),
    });
    expect(order.customer.id).toBe(staff.id);
    expect(await t.db.order.count({ where: { userId: admin.id } })).toBe(0);
  });
});
