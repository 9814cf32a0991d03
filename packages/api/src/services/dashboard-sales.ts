import type { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { centsFromDb } from "../domain/money.ts";
import { addDays, daysFrom } from "./dashboard-days.ts";

export interface SalesFigures {
  revenueCents: number;
  orders: number;
  units: number;
  /** Revenue per order, rounded to the cent; 0 without orders. */
  averageOrderCents: number;
}

export interface SalesDay {
  day: string;
  revenueCents: number;
  orders: number;
  units: number;
  /** The same position in the period before: `range` days earlier. */
  previousDay: string;
  previousRevenueCents: number;
  previousOrders: number;
}

/** Rollup rows past one per 15-minute bucket by this many are folded when a range is read. */
export const SALES_FOLD_AT = 1_000;
const BUCKETS_PER_DAY = 96;

interface DayRow {
  day: string;
  orders: Prisma.Decimal;
  revenue: Prisma.Decimal;
  units: Prisma.Decimal;
  rows: bigint;
}

const figures = (revenueCents: number, orders: number, units: number): SalesFigures => ({
  revenueCents,
  orders,
  units,
  averageOrderCents: orders > 0 ? Math.round(revenueCents / orders) : 0,
});

function sum(rows: readonly DayRow[]): SalesFigures {
  let revenue = 0;
  let orders = 0;
  let units = 0;
  for (const row of rows) {
    revenue += centsFromDb(row.revenue);
    orders += centsFromDb(row.orders);
    units += centsFromDb(row.units);
  }
  return figures(revenue, orders, units);
}

/**
 * Sales of the `range` days ending `today` and of the `range` days before, per day and in total, and
 * today / 7 / 30 days, all from sales_rollup (counted sales per 15-minute bucket, kept by triggers on
 * "order" and "order_item": cancelled orders never count). One index-only range read of at most
 * 180 days x 96 buckets, grouped by the day each bucket falls on in `timeZone`.
 */
export async function salesOverview(db: DbClient, today: string, range: number, timeZone: string) {
  const first = addDays(today, -(range - 1));
  const previousFirst = addDays(first, -range);
  const from = [previousFirst, addDays(today, -29)].sort()[0]!;
  const to = addDays(today, 1);
  const rows = await db.$queryRaw<DayRow[]>`
    SELECT to_char(r.bucket AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, sum(r.orders) AS orders,
           sum(r."revenueCents") AS revenue, sum(r.units) AS units, count(*) AS rows
    FROM sales_rollup r
    WHERE r.bucket >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
      AND r.bucket < (${to}::date::timestamp AT TIME ZONE ${timeZone})
    GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const days = (firstDay: string, count: number) =>
    daysFrom(firstDay, count).flatMap((day) => byDay.get(day) ?? []);

  const readRows = rows.reduce((total, row) => total + Number(row.rows), 0);
  const spanDays = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (readRows > spanDays * BUCKETS_PER_DAY + SALES_FOLD_AT) await foldSales(db, from, to, timeZone);

  const series: SalesDay[] = daysFrom(first, range).map((day) => {
    const current = byDay.get(day);
    const previousDay = addDays(day, -range);
    const previous = byDay.get(previousDay);
    return {
      day,
      revenueCents: centsFromDb(current?.revenue ?? 0),
      orders: centsFromDb(current?.orders ?? 0),
      units: centsFromDb(current?.units ?? 0),
      previousDay,
      previousRevenueCents: centsFromDb(previous?.revenue ?? 0),
      previousOrders: centsFromDb(previous?.orders ?? 0),
    };
  });
  const revenue = (figuresOf: SalesFigures) => ({
    revenueCents: figuresOf.revenueCents,
    orders: figuresOf.orders,
  });
  return {
    current: sum(days(first, range)),
    previous: sum(days(previousFirst, range)),
    series,
    revenue: {
      today: revenue(sum(days(today, 1))),
      last7Days: revenue(sum(days(addDays(today, -6), 7))),
      last30Days: revenue(sum(days(addDays(today, -29), 30))),
    },
  };
}

/**
 * Folds a range's rollup rows into one per bucket: the delete and the insert of their sums are one
 * statement, so readers (and a concurrent fold, which skips the rows this one deleted) see the same
 * sums throughout, and orders placed meanwhile only append rows of their own.
 */
async function foldSales(db: DbClient, from: string, to: string, timeZone: string): Promise<void> {
  await db.$executeRaw`
    WITH folded AS (
      DELETE FROM sales_rollup
      WHERE bucket >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
        AND bucket < (${to}::date::timestamp AT TIME ZONE ${timeZone})
      RETURNING bucket, orders, "revenueCents", units
    )
    INSERT INTO sales_rollup (bucket, orders, "revenueCents", units)
    SELECT bucket, sum(orders), sum("revenueCents"), sum(units) FROM folded GROUP BY bucket`;
}
