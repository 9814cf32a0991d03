import type { OrderStatus, Prisma } from "@stockroom/db";
import type { SessionUser } from "../auth/session.ts";
import { type DbClient, inTransaction } from "../db-client.ts";
import { centsFromDb } from "../domain/money.ts";
import { assertTransition } from "../domain/order-status.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../errors.ts";
import { enqueueOrderEvent } from "../events/order-events.ts";
import type { OrderListFilter, OrderListSort } from "../schemas/order.ts";
import { sqlOn } from "../sql.ts";
import type { StockChange } from "./catalog-cache.ts";
import { decodeCursor, decodeSortCursor, encodeCursor, encodeSortCursor } from "./cursor.ts";
import { restockOrder, stockSold } from "./inventory-ledger.ts";
import { hashOrderRequest, type PlaceOrderRequest, placeOrder } from "./order-placement.ts";
import { type OrderView, orderSummarySelect, orderViewSelect, toOrderView } from "./order-view.ts";
import { isUniqueViolation, RetryableConflictError } from "./transaction-retry.ts";

const isStaff = (user: SessionUser) => user.role === "STAFF" || user.role === "ADMIN";

/**
 * Places an order for `request.userId` on behalf of `actor` (the same shopper, or staff). With an
 * idempotency key, the same key and body returns the first order (`replayed`), the same key with a
 * different body is a 409; keys are kept with the order, so forever (at least the 24 hours promised).
 */
export async function createOrder(
  db: DbClient,
  request: PlaceOrderRequest,
  actor: SessionUser,
): Promise<{ order: OrderView; replayed: boolean; stockChanges: StockChange[] }> {
  const customer = await customerOf(db, request.userId, actor);
  const requestHash = hashOrderRequest(request);
  const replay = async () => {
    if (!request.idempotencyKey) return undefined;
    const existing = await db.order.findUnique({
      where: { userId_idempotencyKey: { userId: request.userId, idempotencyKey: request.idempotencyKey } },
      select: { id: true, requestHash: true },
    });
    if (!existing) return undefined;
    if (existing.requestHash !== requestHash) {
      throw new ConflictError("This idempotency key was already used for a different order", {
        idempotencyKey: request.idempotencyKey,
      });
    }
    return { order: await getOrderView(db, existing.id), replayed: true, stockChanges: [] };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const { order, stockChanges } = await placeOrder(sqlOn(db), request, requestHash, actor, customer);
    await stockSold(db, stockChanges);
    return { order, replayed: false, stockChanges };
  } catch (error) {
    // Two requests with one key raced: the loser's transaction rolled back; answer like a replay.
    if (isUniqueViolation(error, "idempotencyKey")) {
      // Inside a caller's transaction (a staff mutation) the violation aborted it, so nothing more can
      // be read there: the outermost transaction runs the call again, and its first replay() answers.
      if (sqlOn(db).inTransaction) {
        throw new RetryableConflictError("This order is being placed by another request. Please try again.");
      }
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
}

/**
 * Whom the order is for: the shopper themself, or (for staff only) an existing, active account with
 * the CUSTOMER role: staff may not book orders to another staff or admin account.
 */
async function customerOf(db: DbClient, userId: string, actor: SessionUser): Promise<OrderView["customer"]> {
  if (userId === actor.id) return { id: actor.id, email: actor.email, name: actor.name };
  if (!isStaff(actor)) throw new ForbiddenError("You may only place orders for yourself");
  const found = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, active: true, role: true },
  });
  if (!found?.active) throw new NotFoundError("User not found", { userId });
  if (found.role !== "CUSTOMER") {
    throw new InvalidInputError("Orders can be placed for customer accounts only", { userId });
  }
  return { id: found.id, email: found.email, name: found.name };
}

export async function getOrderView(db: DbClient, id: string): Promise<OrderView> {
  const order = await db.order.findUnique({ where: { id }, select: orderViewSelect });
  if (!order) throw new NotFoundError("Order not found", { orderId: id });
  return toOrderView(order);
}

/** A customer sees only their own orders; anyone else's answers "not found", so existence does not leak. */
export async function getOrderFor(db: DbClient, id: string, viewer: SessionUser): Promise<OrderView> {
  const order = await getOrderView(db, id);
  if (order.userId !== viewer.id && !isStaff(viewer))
    throw new NotFoundError("Order not found", { orderId: id });
  return order;
}

function keysetAfter(cursor: string | undefined): Prisma.OrderWhereInput {
  if (!cursor) return {};
  const after = decodeCursor(cursor);
  return {
    // The `lte` bound is implied by the OR, but only it lets Postgres start the index scan at the
    // cursor instead of reading (and discarding) every newer row first.
    createdAt: { lte: after.createdAt },
    OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
  };
}

/** The oldest-first keyset: the same indexes read backwards, its cursor tagged "oldest". */
function keysetAfterOldest(cursor: string | undefined): Prisma.OrderWhereInput {
  if (!cursor) return {};
  const after = decodeSortCursor(cursor, "oldest");
  const createdAt = new Date(after.value);
  return {
    createdAt: { gte: createdAt },
    OR: [{ createdAt: { gt: createdAt } }, { createdAt, id: { gt: after.id } }],
  };
}

/** An order's line as lists show it (what was sold, not its money). */
export interface OrderLineSummary {
  variantId: string;
  productName: string;
  variantTitle: string;
  sku: string;
  quantity: number;
}

/**
 * The lines of the listed orders only. Prisma's `_count` would join a GROUP BY over the whole
 * order_item table (8 s at a million orders); this reads the page's rows through order_item(orderId).
 */
async function linesOf(db: DbClient, orderIds: string[]): Promise<Map<string, OrderLineSummary[]>> {
  const lines = new Map<string, OrderLineSummary[]>();
  if (orderIds.length === 0) return lines;
  const rows = await db.orderItem.findMany({
    where: { orderId: { in: orderIds } },
    select: {
      orderId: true,
      variantId: true,
      productName: true,
      variantTitle: true,
      sku: true,
      quantity: true,
    },
    orderBy: [{ productName: "asc" }, { variantTitle: "asc" }],
  });
  for (const { orderId, ...line } of rows) lines.set(orderId, [...(lines.get(orderId) ?? []), line]);
  return lines;
}

async function pageOf(
  db: DbClient,
  where: Prisma.OrderWhereInput,
  limit: number,
  sort: OrderListSort = "newest",
) {
  const direction = sort === "oldest" ? "asc" : "desc";
  const rows = await db.order.findMany({
    where,
    select: orderSummarySelect,
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: limit + 1,
  });
  const listed = rows.slice(0, limit);
  const lines = await linesOf(
    db,
    listed.map((order) => order.id),
  );
  const page = listed.map(({ user, ...order }) => ({
    ...order,
    totalCents: centsFromDb(order.totalCents),
    currency: order.currency.trim(),
    customer: user,
    itemCount: lines.get(order.id)?.length ?? 0,
    items: lines.get(order.id) ?? [],
  }));
  const last = page.at(-1);
  const cursorOf = (row: { createdAt: Date; id: string }) =>
    sort === "oldest" ? encodeSortCursor("oldest", row.createdAt.toISOString(), row.id) : encodeCursor(row);
  return { orders: page, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** Newest first. A customer may list only their own; staff anyone's (someone else's is a 403 for customers). */
export async function listOrdersOfUser(
  db: DbClient,
  userId: string,
  viewer: SessionUser,
  page: { cursor?: string; limit: number },
) {
  if (userId !== viewer.id && !isStaff(viewer)) throw new ForbiddenError("You may only list your own orders");
  return pageOf(db, { userId, ...keysetAfter(page.cursor) }, page.limit);
}

export async function listOrders(db: DbClient, filter: OrderListFilter) {
  const customer = filter.customer;
  const where: Prisma.OrderWhereInput = {
    status: filter.status,
    number: filter.number,
    createdAt: filter.from || filter.to ? { gte: filter.from, lte: filter.to } : undefined,
    ...(customer && {
      user: {
        OR: [
          { id: customer },
          { email: { contains: customer, mode: "insensitive" } },
          { name: { contains: customer, mode: "insensitive" } },
        ],
      },
    }),
  };
  const after = filter.sort === "oldest" ? keysetAfterOldest(filter.cursor) : keysetAfter(filter.cursor);
  return pageOf(db, { AND: [where, after] }, filter.limit, filter.sort);
}

async function lockOrder(
  tx: DbClient,
  id: string,
  viewer: SessionUser,
): Promise<{ status: OrderStatus; userId: string }> {
  const [order] = await tx.$queryRaw<{ status: OrderStatus; userId: string }[]>`
    SELECT status, "userId" FROM "order" WHERE id = ${id}::uuid FOR UPDATE`;
  if (!order || (order.userId !== viewer.id && !isStaff(viewer)))
    throw new NotFoundError("Order not found", { orderId: id });
  return order;
}

/**
 * Cancels a pending or paid order and puts every item back in stock with ledger rows. The order row
 * is locked first, so of two racing cancels exactly one restocks; the other gets a 409.
 */
export async function cancelOrder(
  db: DbClient,
  id: string,
  actor: SessionUser,
  note?: string,
): Promise<{ order: OrderView; stockChanges: StockChange[] }> {
  const stockChanges = await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, id, actor);
    assertTransition(order.status, "cancelled");
    await tx.order.update({ where: { id }, data: { status: "cancelled" } });
    const restocked = await restockOrder(tx, id, actor.id, note);
    await tx.orderStatusHistory.create({
      data: { orderId: id, fromStatus: order.status, toStatus: "cancelled", actorId: actor.id, note },
    });
    await enqueueOrderEvent(tx, { name: "order.cancelled", payload: { orderId: id, actorId: actor.id } });
    return restocked;
  });
  return { order: await getOrderView(db, id), stockChanges };
}

/** Staff move an order along pending → paid → shipped (with a tracking number) → delivered. */
export async function transitionOrder(
  db: DbClient,
  input: { id: string; to: "paid" | "shipped" | "delivered"; note?: string; trackingNumber?: string },
  actor: SessionUser,
): Promise<{ before: OrderView; after: OrderView }> {
  const before = await getOrderView(db, input.id);
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, input.id, actor);
    assertTransition(order.status, input.to);
    await tx.order.update({
      where: { id: input.id },
      data: { status: input.to, ...(input.to === "shipped" && { trackingNumber: input.trackingNumber }) },
    });
    await tx.orderStatusHistory.create({
      data: {
        orderId: input.id,
        fromStatus: order.status,
        toStatus: input.to,
        actorId: actor.id,
        note: input.note,
      },
    });
    await enqueueOrderEvent(tx, {
      name: "order.status_changed",
      payload: { orderId: input.id, from: order.status, to: input.to, actorId: actor.id },
    });
  });
  return { before, after: await getOrderView(db, input.id) };
}
