import type { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { centsFromDb } from "../domain/money.ts";

export interface TopProduct {
  productId: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  units: number;
  revenueCents: number;
}

export const TOP_PRODUCTS = 5;
/** How many of the earlier days' best sellers are kept: the margin that lets today's sales be merged exactly. */
const KEPT = 50;
/** A kept list is recomputed at least this often, whatever the change mark says (see below). */
const KEPT_FOR_MS = 5 * 60_000;
const MAX_ENTRIES = 64;

interface Sales {
  productId: string;
  units: number;
  revenueCents: number;
}
interface Kept {
  mark: string | null;
  at: number;
  best: Sales[];
  /** The last kept product's sales: every product not kept sold at most this in the earlier days. */
  floor: Sales | null;
}

/** Kept best sellers of the range's days before today, per zone, range start and today. */
const kept = new Map<string, Kept>();

type Row = { productId: string; units: Prisma.Decimal; revenue: Prisma.Decimal };
const toSales = (row: Row): Sales => ({
  productId: row.productId,
  units: centsFromDb(row.units),
  revenueCents: centsFromDb(row.revenue),
});
/** Best first: units, then revenue, then id, so ties always break the same way. */
const better = (a: Sales, b: Sales) =>
  b.units - a.units || b.revenueCents - a.revenueCents || (a.productId < b.productId ? -1 : 1);

/**
 * The best sellers (units, then revenue) of [from, to): product_sales_rollup holds a row per
 * 15-minute bucket and product sold, so 90 days are ~500k rows at 1M orders a year, too many to sum
 * per request. The days before today change only when an older order is cancelled or edited, so
 * their best KEPT are computed once and kept (in this process); today's sales are summed afresh and
 * merged exactly: a product outside the kept list sold at most `floor` before today, so only those
 * whose today's sales could lift them past the fifth are looked up.
 *
 * The kept list is keyed by the id of the newest rollup row of an earlier day (a cancellation of an
 * older order appends one), so it is recomputed after such a change; a change still uncommitted
 * while the list is computed could be missed by that mark, which the KEPT_FOR_MS limit bounds.
 */
export async function topProducts(
  db: DbClient,
  bounds: { from: string; today: string; to: string; timeZone: string },
  now = Date.now(),
): Promise<TopProduct[]> {
  const { from, today, to, timeZone } = bounds;
  const [mark] = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM product_sales_rollup
    WHERE bucket < (${today}::date::timestamp AT TIME ZONE ${timeZone})
    ORDER BY id DESC LIMIT 1`;
  const key = `${timeZone}|${from}|${today}`;
  let earlier = kept.get(key);
  if (!earlier || earlier.mark !== (mark?.id.toString() ?? null) || now - earlier.at > KEPT_FOR_MS) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT "productId", sum(units) AS units, sum("revenueCents") AS revenue
      FROM product_sales_rollup
      WHERE bucket >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
        AND bucket < (${today}::date::timestamp AT TIME ZONE ${timeZone})
      GROUP BY "productId"
      ORDER BY units DESC, revenue DESC, "productId" LIMIT ${KEPT}`;
    const best = rows.map(toSales);
    earlier = {
      mark: mark?.id.toString() ?? null,
      at: now,
      best,
      floor: best.length === KEPT ? best.at(-1)! : null,
    };
    if (kept.size >= MAX_ENTRIES) kept.delete(kept.keys().next().value!);
    kept.set(key, earlier);
  }

  const todayRows = (
    await db.$queryRaw<Row[]>`
      SELECT "productId", sum(units) AS units, sum("revenueCents") AS revenue
      FROM product_sales_rollup
      WHERE bucket >= (${today}::date::timestamp AT TIME ZONE ${timeZone})
        AND bucket < (${to}::date::timestamp AT TIME ZONE ${timeZone})
      GROUP BY "productId"`
  ).map(toSales);

  const totals = new Map(earlier.best.map((sales) => [sales.productId, { ...sales }]));
  const outside: Sales[] = [];
  for (const sales of todayRows) {
    const known = totals.get(sales.productId);
    if (known) {
      known.units += sales.units;
      known.revenueCents += sales.revenueCents;
    } else if (!earlier.floor) totals.set(sales.productId, { ...sales });
    else outside.push(sales);
  }
  const fifth = () => [...totals.values()].sort(better)[TOP_PRODUCTS - 1];
  const bar = fifth();
  const floor = earlier.floor;
  // Not kept: sold at most `floor` before today. Only a product whose best case reaches the fifth
  // needs its earlier sales read.
  const contenders = floor
    ? outside.filter(
        (sales) =>
          !bar ||
          better(
            {
              ...sales,
              units: sales.units + floor.units,
              revenueCents: sales.revenueCents + floor.revenueCents,
            },
            bar,
          ) <= 0,
      )
    : [];
  if (contenders.length > 0) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT "productId", sum(units) AS units, sum("revenueCents") AS revenue
      FROM product_sales_rollup
      WHERE "productId" = ANY(${contenders.map((sales) => sales.productId)}::uuid[])
        AND bucket >= (${from}::date::timestamp AT TIME ZONE ${timeZone})
        AND bucket < (${to}::date::timestamp AT TIME ZONE ${timeZone})
      GROUP BY "productId"`;
    for (const row of rows) totals.set(row.productId, toSales(row));
  }

  const top = [...totals.values()]
    .filter((sales) => sales.units > 0)
    .sort(better)
    .slice(0, TOP_PRODUCTS);
  if (top.length === 0) return [];
  const products = await db.product.findMany({
    where: { id: { in: top.map((sales) => sales.productId) } },
    select: { id: true, name: true, slug: true, imageUrl: true },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  return top.flatMap((sales) => {
    const product = byId.get(sales.productId);
    return product ? [{ ...sales, name: product.name, slug: product.slug, imageUrl: product.imageUrl }] : [];
  });
}
