import { installJobQueue } from "@stockroom/api/job-queue";
import { createDb, migrate, seedDemo } from "@stockroom/db";
import pg from "pg";

export const SHOPPER_PASSWORD = "stockroom-bench-shopper";
/** Enough that neither order benchmark can run a product out of stock. */
const HUGE_STOCK = 10_000_000;

export interface BenchCatalog {
  /**
   * Every hot order buys one of each of a pair. The API and the baseline each get their own products
   * (here and for the spread case): every sale leaves a dead row version behind (the onHand index
   * rules out HOT updates), and rows worn by the other server's run would slow whichever runs second.
   */
  hotPairs: { api: [string, string]; baseline: [string, string] };
  /** Each spread order buys one product of its server's set, chosen at random. */
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
 * Products with their stock and opening ledger rows in one statement. They are dated a year back so
 * the storefront's "newest" page (the list benchmark) stays the demo catalogue.
 */
async function createStockedProducts(client: pg.Client, prefix: string, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `WITH created AS (
       INSERT INTO product (slug, name, description, "priceCents", "createdAt", "updatedAt")
       SELECT $1 || lpad(n::text, 4, '0'), 'Bench product ' || $1 || n, 'Benchmark stock',
              500 + n, now() - interval '365 days' - n * interval '1 second', now()
       FROM generate_series(1, $2::int) AS n
       RETURNING id, slug
     ), stocked AS (
       INSERT INTO inventory_level ("productId", "onHand") SELECT id, $3 FROM created
     ), ledger AS (
       INSERT INTO stock_movement ("productId", delta, reason, note, "quantityAfter")
       SELECT id, $3, 'restock', 'Opening stock', $3 FROM created
     )
     SELECT id FROM created ORDER BY slug`,
    [prefix, count, HUGE_STOCK],
  );
  return rows.map((row) => row.id);
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
    const [a, b, c, d] = await createStockedProducts(client, "bench-hot-", 4);
    const spread = await createStockedProducts(client, "bench-spread-", spreadCount * 2);
    if (!a || !b || !c || !d || spread.length !== spreadCount * 2)
      throw new Error("bench products were not created");
    return {
      hotPairs: { api: [a, b], baseline: [c, d] },
      spreadSets: { api: spread.slice(0, spreadCount), baseline: spread.slice(spreadCount) },
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
