import type { OrderStatus } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { DEFAULT_TIME_ZONE } from "../domain/dates.ts";
import { centsFromDb } from "../domain/money.ts";
import { variantTitle } from "../domain/variants.ts";
import type { DashboardRange } from "../schemas/account.ts";
import { addDays, localDay } from "./dashboard-days.ts";
import { type SalesDay, type SalesFigures, salesOverview } from "./dashboard-sales.ts";
import { type TopProduct, topProducts } from "./dashboard-top-products.ts";

export interface Dashboard {
  range: DashboardRange;
  timeZone: string;
  /** The chosen range's figures and the same number of days just before it. */
  kpis: { current: SalesFigures; previous: SalesFigures };
  revenue: { today: Period; last7Days: Period; last30Days: Period };
  ordersByStatus: Record<OrderStatus, number>;
  salesByDay: SalesDay[];
  topProducts: TopProduct[];
  lowStock: {
    productId: string;
    variantId: string;
    sku: string;
    name: string;
    variantTitle: string;
    slug: string;
    onHand: number;
    lowStockThreshold: number;
  }[];
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
 * Low stock: active variants' levels at or under their product's own threshold, lowest first. The
 * partial index on inventory_level."lowStockOnHand" (migration 20261206220000) yields the low levels
 * in that order, so ten are read, not every level; among equal levels it picks by variant id, and
 * the ten are shown by level, then name.
 */
async function lowStock(db: DbClient): Promise<Dashboard["lowStock"]> {
  const rows = await db.$queryRaw<
    (Omit<Dashboard["lowStock"][number], "variantTitle"> & {
      option1: string;
      option2: string;
      option3: string;
      position: number;
    })[]
  >`
    SELECT * FROM (
      SELECT p.id AS "productId", v.id AS "variantId", v.sku, v.option1, v.option2, v.option3, v.position,
             p.name, p.slug, l."onHand", p."lowStockThreshold"
      FROM inventory_level l JOIN product_variant v ON v.id = l."variantId" JOIN product p ON p.id = v."productId"
      WHERE l."lowStockOnHand" IS NOT NULL AND v.active AND p.active
      ORDER BY l."lowStockOnHand", l."variantId" LIMIT 10
    ) low
    ORDER BY "onHand", name, position`;
  return rows.map(({ option1, option2, option3, position: _position, ...row }) => ({
    ...row,
    variantTitle: variantTitle([option1, option2, option3]),
  }));
}

/**
 * The dashboard for the `range` days ending today in `timeZone`, with the days before for comparison.
 * Sales come from the rollups the triggers keep (cancelled orders never count; services/dashboard-sales.ts,
 * dashboard-top-products.ts), status counts from order_status_tally; low stock and recent orders are
 * limited index reads. Measured against 1,000,000 orders in docs/benchmarks.md.
 */
export async function getDashboard(
  db: DbClient,
  input: { range: DashboardRange; timeZone: string } = { range: 30, timeZone: DEFAULT_TIME_ZONE },
  now = new Date(),
): Promise<Dashboard> {
  const { range, timeZone } = input;
  const today = localDay(now, timeZone);
  const [sales, statuses, top, low, recent] = await Promise.all([
    salesOverview(db, today, range, timeZone),
    orderCountsByStatus(db),
    topProducts(db, { from: addDays(today, -(range - 1)), today, to: addDays(today, 1), timeZone }),
    lowStock(db),
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
  const byStatus = Object.fromEntries(statuses.map((row) => [row.status, Number(row.count)]));
  return {
    range,
    timeZone,
    kpis: { current: sales.current, previous: sales.previous },
    revenue: sales.revenue,
    ordersByStatus: {
      pending: byStatus.pending ?? 0,
      paid: byStatus.paid ?? 0,
      shipped: byStatus.shipped ?? 0,
      delivered: byStatus.delivered ?? 0,
      cancelled: byStatus.cancelled ?? 0,
    },
    salesByDay: sales.series,
    topProducts: top,
    lowStock: low,
    recentOrders: recent.map(({ user, ...order }) => ({
      ...order,
      totalCents: centsFromDb(order.totalCents),
      currency: order.currency.trim(),
      customerEmail: user.email,
    })),
  };
}
