import type { OrderStatus, Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { centsFromDb } from "../domain/money.ts";

export interface Dashboard {
  revenue: { today: Period; last7Days: Period; last30Days: Period };
  ordersByStatus: Record<OrderStatus, number>;
  salesByDay: { day: string; revenueCents: number; orders: number }[];
  lowStock: { productId: string; name: string; slug: string; onHand: number; lowStockThreshold: number }[];
  recentOrders: {
    id: string;
    number: number;
    status: OrderStatus;
    totalCents: number;
    currency: string;
    createdAt: Date;
    customerEmail: string;
  }[];
}

interface Period {
  revenueCents: number;
  orders: number;
}

/** Tally rows past this many are folded into one per status, so the sum stays a read of a few rows. */
export const TALLY_FOLD_AT = 1_000;

/**
 * All-time order counts by status, from the rows the triggers on "order" append. A fold deletes the
 * rows it sees and inserts their sums in one statement, so every reader, and a concurrent fold (which
 * skips the rows this one deleted), still sees the same totals.
 */
export async function orderCountsByStatus(
  db: DbClient,
  foldAt = TALLY_FOLD_AT,
): Promise<{ status: OrderStatus; count: bigint }[]> {
  const rows = await db.$queryRaw<{ status: OrderStatus; count: bigint; rows: bigint }[]>`
    SELECT status, sum(delta)::bigint AS count, count(*) AS rows FROM order_status_tally GROUP BY status`;
  if (rows.reduce((sum, row) => sum + Number(row.rows), 0) > foldAt) {
    await db.$executeRaw`
      WITH folded AS (DELETE FROM order_status_tally RETURNING status, delta)
      INSERT INTO order_status_tally (status, delta) SELECT status, sum(delta) FROM folded GROUP BY status`;
  }
  return rows.map(({ status, count }) => ({ status, count }));
}

/**
 * Every figure is one indexed query: revenue and the daily series read only the last 30 days, from
 * the order(createdAt, status, totalCents) index alone, and never count cancelled orders; the status counts add up order_status_tally;
 * low stock and recent orders are limited. Measured against 1,000,000 orders in the README.
 * Sums of the bigint totals are numeric in Postgres (Prisma.Decimal here), so they cannot overflow.
 */
export async function getDashboard(db: DbClient, now = new Date()): Promise<Dashboard> {
  const [periods, statuses, days, lowStock, recent] = await Promise.all([
    db.$queryRaw<
      {
        today_cents: Prisma.Decimal;
        today_orders: bigint;
        week_cents: Prisma.Decimal;
        week_orders: bigint;
        month_cents: Prisma.Decimal;
        month_orders: bigint;
      }[]
    >`
      SELECT coalesce(sum(o."totalCents") FILTER (WHERE o."createdAt" >= b.today), 0) AS today_cents,
             count(*) FILTER (WHERE o."createdAt" >= b.today) AS today_orders,
             coalesce(sum(o."totalCents") FILTER (WHERE o."createdAt" >= b.week), 0) AS week_cents,
             count(*) FILTER (WHERE o."createdAt" >= b.week) AS week_orders,
             coalesce(sum(o."totalCents"), 0) AS month_cents,
             count(*) AS month_orders
      -- OFFSET 0 keeps the bounds a row of their own, computed once: inlined, Postgres worked out
      -- date_trunc and the interval sums again for each of the month's orders (3x the time).
      FROM (SELECT date_trunc('day', ${now}::timestamptz) AS today, ${now}::timestamptz - interval '7 days' AS week,
                   ${now}::timestamptz - interval '30 days' AS month OFFSET 0) AS b
      JOIN "order" o ON o."createdAt" >= b.month
      WHERE o.status <> 'cancelled'`,
    orderCountsByStatus(db),
    // One index range per day: grouping all the month's orders by date_trunc made Postgres sort them.
    db.$queryRaw<{ day: Date; revenue: Prisma.Decimal | null; orders: bigint }[]>`
      SELECT d.day, totals.revenue, totals.orders
      FROM generate_series(date_trunc('day', ${now}::timestamptz) - interval '29 days',
                           date_trunc('day', ${now}::timestamptz), interval '1 day') AS d(day)
      CROSS JOIN LATERAL (
        SELECT sum("totalCents") AS revenue, count(*) AS orders
        FROM "order"
        WHERE "createdAt" >= d.day AND "createdAt" < d.day + interval '1 day' AND status <> 'cancelled'
      ) AS totals
      ORDER BY d.day`,
    db.$queryRaw<Dashboard["lowStock"]>`
      SELECT p.id AS "productId", p.name, p.slug, l."onHand", p."lowStockThreshold"
      FROM inventory_level l JOIN product p ON p.id = l."productId"
      WHERE p.active AND l."onHand" <= p."lowStockThreshold"
      ORDER BY l."onHand", p.name LIMIT 10`,
    db.order.findMany({
      select: {
        id: true,
        number: true,
        status: true,
        totalCents: true,
        currency: true,
        createdAt: true,
        user: { select: { email: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
    }),
  ]);
  const p = periods[0]!;
  const byStatus = Object.fromEntries(statuses.map((row) => [row.status, Number(row.count)]));
  const byDay = new Map(days.map((row) => [row.day.toISOString().slice(0, 10), row]));
  const salesByDay: Dashboard["salesByDay"] = [];
  for (let offset = 29; offset >= 0; offset -= 1) {
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - offset))
      .toISOString()
      .slice(0, 10);
    const row = byDay.get(day);
    salesByDay.push({ day, revenueCents: centsFromDb(row?.revenue ?? 0), orders: Number(row?.orders ?? 0) });
  }
  return {
    revenue: {
      today: { revenueCents: centsFromDb(p.today_cents), orders: Number(p.today_orders) },
      last7Days: { revenueCents: centsFromDb(p.week_cents), orders: Number(p.week_orders) },
      last30Days: { revenueCents: centsFromDb(p.month_cents), orders: Number(p.month_orders) },
    },
    ordersByStatus: {
      pending: byStatus.pending ?? 0,
      paid: byStatus.paid ?? 0,
      shipped: byStatus.shipped ?? 0,
      delivered: byStatus.delivered ?? 0,
      cancelled: byStatus.cancelled ?? 0,
    },
    salesByDay,
    lowStock,
    recentOrders: recent.map(({ user, ...order }) => ({
      ...order,
      totalCents: centsFromDb(order.totalCents),
      currency: order.currency.trim(),
      customerEmail: user.email,
    })),
  };
}
