import { installJobQueue } from "@stockroom/api/job-queue";
import { createDb, migrate, seedDemo } from "@stockroom/db";
import pg from "pg";

export const SHOPPER_PASSWORD = "stockroom-bench-shopper";
/** Enough that neither order benchmark can run a product out of stock. */
const HUGE_STOCK = 10_000_000;

/** Every bench product is sold in these sizes: one variant each, as a clothing shop's would be. */
const SIZES = ["S", "M", "L"];

/** The catalogue's variants (what orders buy), by server: the bench products have three sizes each. */
export interface BenchCatalog {
  /**
   * Every hot order buys one variant of each of two products. The API and the baseline each get their
   * own products (here and for the spread case): rows worn by the other server's run (dead row
   * versions of every sale) would slow whichever runs second.
   */
  hotPairs: { api: [string, string]; baseline: [string, string] };
  /** Each spread order buys one variant of its server's set, chosen at random. */
  spreadSets: { api: string[]; baseline: string[] };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Drops and recreates the database named in `url`, disconnecting anyone still using it. */
async function recreateDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Products in three sizes (options, variants, stock and opening ledger rows) in one statement; their
 * variant ids in product order, size within it. They are dated a year back so the storefront's
 * "newest" page (the list benchmark) stays the demo catalogue.
 */
async function createStockedProducts(client: pg.Client, prefix: string, count: number): Promise<string[][]> {
  const { rows } = await client.query<{ productId: string; variantId: string }>(
    `WITH created AS (
       INSERT INTO product (slug, name, description, "priceCents", "maxPriceCents", "createdAt", "updatedAt")
       SELECT $1 || lpad(n::text, 4, '0'), 'Bench product ' || $1 || n, 'Benchmark stock',
              500 + n, 500 + n + 200, now() - interval '365 days' - n * interval '1 second', now()
       FROM generate_series(1, $2::int) AS n
       RETURNING id, slug, "priceCents"
     ), options AS (
       INSERT INTO product_option ("productId", position, name, "values") SELECT id, 1, 'Size', $4::text[] FROM created
     ), variants AS (
       INSERT INTO product_variant ("productId", sku, option1, "priceCents", position)
       SELECT created.id, upper(created.slug) || '-' || size.value, size.value, created."priceCents" + (size.n - 1) * 100,
              size.n - 1
       FROM created, unnest($4::text[]) WITH ORDINALITY AS size(value, n)
       RETURNING id, "productId", position
     ), stocked AS (
       INSERT INTO inventory_level ("variantId", "onHand") SELECT id, $3 FROM variants
     ), ledger AS (
       INSERT INTO stock_movement ("productId", "variantId", delta, reason, note, "quantityAfter")
       SELECT "productId", id, $3, 'restock', 'Opening stock', $3 FROM variants
     )
     SELECT variants."productId", variants.id AS "variantId"
     FROM variants JOIN created ON created.id = variants."productId" ORDER BY created.slug, variants.position`,
    [prefix, count, HUGE_STOCK, SIZES],
  );
  const byProduct = new Map<string, string[]>();
  for (const row of rows)
    byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row.variantId]);
  return [...byProduct.values()];
}

/** A fresh bench database: migrated, job queue installed, demo shop seeded, bench products added (per server). */
export async function setUpBenchDatabase(url: string, spreadCount: number): Promise<BenchCatalog> {
  await recreateDatabase(url);
  await migrate(url);
  await installJobQueue(url);
  const db = createDb(url, { poolSize: 1 });
  try {
    await seedDemo(db, { password: SHOPPER_PASSWORD });
  } finally {
    await db.$disconnect();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The hot pairs buy the middle size of each product.
    const [a, b, c, d] = (await createStockedProducts(client, "bench-hot-", 4)).map((sizes) => sizes[1]);
    const spread = await createStockedProducts(client, "bench-spread-", spreadCount * 2);
    if (!a || !b || !c || !d || spread.length !== spreadCount * 2)
      throw new Error("bench products were not created");
    return {
      hotPairs: { api: [a, b], baseline: [c, d] },
      spreadSets: { api: spread.slice(0, spreadCount).flat(), baseline: spread.slice(spreadCount).flat() },
    };
  } finally {
    await client.end();
  }
}

/** How many of `ids` are products of the bench database (the list page must come from it, not a stale cache). */
export async function countKnownProducts(url: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM product WHERE id = ANY($1::uuid[])",
      [ids],
    );
    return rows[0]?.count ?? 0;
  } finally {
    await client.end();
  }
}
