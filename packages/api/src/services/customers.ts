import type { DbClient } from "../db-client.ts";
import { centsFromDb } from "../domain/money.ts";
import { NotFoundError } from "../errors.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

/**
 * Order counts of the listed customers only. Prisma's `_count` would join a GROUP BY over the whole
 * order table; this reads the page's customers through order(userId, ...).
 */
async function orderCountsOf(db: DbClient, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const counts = await db.order.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds } },
    _count: { _all: true },
  });
  return new Map(counts.map((row) => [row.userId, row._count._all]));
}

/** Customers, newest first, searchable by email or name. */
export async function listCustomers(db: DbClient, filter: { q?: string; cursor?: string; limit: number }) {
  const after = filter.cursor ? decodeCursor(filter.cursor, { uuid: false }) : undefined;
  const rows = await db.user.findMany({
    where: {
      role: "CUSTOMER",
      ...(filter.q && {
        OR: [
          { email: { contains: filter.q, mode: "insensitive" } },
          { name: { contains: filter.q, mode: "insensitive" } },
        ],
      }),
      ...(after && {
        AND: [
          // The `lte` bound is implied by the OR; it lets the index scan start at the cursor.
          { createdAt: { lte: after.createdAt } },
          {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          },
        ],
      }),
    },
    select: { id: true, email: true, name: true, active: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
  });
  const listed = rows.slice(0, filter.limit);
  const orderCounts = await orderCountsOf(
    db,
    listed.map((user) => user.id),
  );
  const page = listed.map((user) => ({ ...user, orderCount: orderCounts.get(user.id) ?? 0 }));
  const last = page.at(-1);
  return { customers: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}

/** One customer with their lifetime value (all orders except cancelled ones). */
export async function getCustomer(db: DbClient, id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
  if (!user) throw new NotFoundError("Customer not found", { userId: id });
  const totals = await db.order.aggregate({
    where: { userId: id, status: { not: "cancelled" } },
    _sum: { totalCents: true },
    _count: true,
  });
  return { ...user, lifetimeValueCents: centsFromDb(totals._sum.totalCents ?? 0), orderCount: totals._count };
}
