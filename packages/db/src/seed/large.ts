import cliProgress from "cli-progress";
import pg from "pg";

export interface LargeSeedOptions {
  products: number;
  orders: number;
  /** Show a progress bar on stderr (off in tests). */
  progress?: boolean;
}

const CHUNK = 25_000;
const CUSTOMERS_PER_ORDER = 1 / 20;

/**
 * Adds a large synthetic data set for benchmarks and dashboard work: products spread over the
 * existing categories, customers, and orders over the last year in every status. Everything is
 * generated inside Postgres (INSERT ... SELECT over generate_series) in chunks, so a million
 * orders take minutes, not hours. Run the demo seed first; it provides categories.
 */
export async function seedLarge(url: string, options: LargeSeedOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const customers = Math.max(10, Math.ceil(options.orders * CUSTOMERS_PER_ORDER));
  const total = options.products + customers + options.orders;
  const bar = options.progress
    ? new cliProgress.SingleBar(
        { format: " {bar} {percentage}% | {value}/{total} rows | {stage}" },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(total, 0, { stage: "products" });
  let done = 0;
  const step = (count: number, stage: string) => {
    done += count;
    bar?.update(done, { stage });
  };
  try {
    await client.query("SET synchronous_commit = off");
    const run = `${Date.now().toString(36)}`;
    for (let start = 0; start < options.products; start += CHUNK) {
      const count = Math.min(CHUNK, options.products - start);
      await insertProducts(client, run, start, count);
      step(count, "products");
    }
    for (let start = 0; start < customers; start += CHUNK) {
      const count = Math.min(CHUNK, customers - start);
      await insertCustomers(client, run, start, count);
      step(count, "customers");
    }
    await client.query(`CREATE TEMP TABLE seed_product AS
      SELECT row_number() OVER (ORDER BY id) AS n, id, name, "priceCents" FROM product WHERE active`);
    await client.query(`CREATE UNIQUE INDEX ON seed_product (n)`);
    await client.query(`CREATE TEMP TABLE seed_customer AS
      SELECT row_number() OVER (ORDER BY id) AS n, id FROM "user" WHERE role = 'CUSTOMER'`);
    await client.query(`CREATE UNIQUE INDEX ON seed_customer (n)`);
    for (let start = 0; start < options.orders; start += CHUNK) {
      const count = Math.min(CHUNK, options.orders - start);
      await insertOrders(client, count);
      step(count, "orders");
    }
    await client.query("ANALYZE");
  } finally {
    bar?.stop();
    await client.end();
  }
}

const adjectives = [
  "Classic",
  "Everyday",
  "Compact",
  "Studio",
  "Trail",
  "Heritage",
  "Urban",
  "Featherweight",
  "Pro",
  "Essential",
  "Nordic",
  "Coastal",
];
const nouns = [
  "Tote",
  "Mug",
  "Lamp",
  "Notebook",
  "Jacket",
  "Kettle",
  "Speaker",
  "Bottle",
  "Blanket",
  "Backpack",
  "Planter",
  "Headphones",
];

async function insertProducts(client: pg.Client, run: string, start: number, count: number) {
  await client.query(
    `WITH cats AS (SELECT array_agg(id ORDER BY position) AS ids FROM category),
     g AS (SELECT n FROM generate_series($1::int + 1, $1::int + $2::int) AS n),
     inserted AS (
       INSERT INTO product (slug, name, description, "priceCents", "imageUrl", "categoryId", "createdAt", "updatedAt")
       SELECT 'bulk-' || $3 || '-' || g.n,
              ($4::text[])[1 + g.n % array_length($4::text[], 1)] || ' ' ||
                ($5::text[])[1 + (g.n / 7) % array_length($5::text[], 1)] || ' No. ' || g.n,
              'Generated product ' || g.n || ' for load testing and benchmarks.',
              199 + (g.n * 7919) % 49800,
              '/images/products/placeholder.svg',
              cats.ids[1 + g.n % greatest(array_length(cats.ids, 1), 1)],
              now() - (g.n % 365) * interval '1 day',
              now()
       FROM g CROSS JOIN cats
       RETURNING id, slug
     )
     INSERT INTO inventory_level ("productId", "onHand")
     SELECT id, (hashtext(slug) & 255) FROM inserted`,
    [start, count, run, adjectives, nouns],
  );
}

async function insertCustomers(client: pg.Client, run: string, start: number, count: number) {
  await client.query(
    `INSERT INTO "user" (id, name, email, role, "emailVerified")
     SELECT 'bulk-' || $3 || '-' || n, 'Customer ' || n, 'customer-' || $3 || '-' || n || '@example.test', 'CUSTOMER', true
     FROM generate_series($1::int + 1, $1::int + $2::int) AS n`,
    [start, count, run],
  );
}

async function insertOrders(client: pg.Client, count: number) {
  await client.query("BEGIN");
  try {
    await client.query(
      `CREATE TEMP TABLE chunk_order ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id,
              (SELECT id FROM seed_customer WHERE n = pick_customer) AS "userId",
              (CASE WHEN r < 0.06 THEN 'cancelled' WHEN r < 0.15 THEN 'pending' WHEN r < 0.30 THEN 'paid'
                    WHEN r < 0.45 THEN 'shipped' ELSE 'delivered' END)::"OrderStatus" AS status,
              now() - (random() * 365) * interval '1 day' AS "createdAt"
       FROM (SELECT 1 + floor(random() * (SELECT count(*) FROM seed_customer))::int AS pick_customer, random() AS r
             FROM generate_series(1, $1::int)) AS g`,
      [count],
    );
    await client.query(
      `CREATE TEMP TABLE chunk_item ON COMMIT DROP AS
       SELECT o.id AS "orderId", p.id AS "productId", p.name AS "productName", p."priceCents" AS "unitPriceCents", picks.quantity
       FROM chunk_order o
       CROSS JOIN LATERAL (
         SELECT 1 + floor(random() * (SELECT count(*) FROM seed_product))::int AS pick, 1 + floor(random() * 3)::int AS quantity
         FROM generate_series(1, 1 + floor(random() * 3)::int + (o.id IS NULL)::int)
       ) AS picks
       JOIN seed_product p ON p.n = picks.pick`,
    );
    await client.query(
      `INSERT INTO "order" (id, "userId", status, "subtotalCents", "totalCents", "shipStreet", "shipCity", "shipState", "shipZip",
                            "trackingNumber", "createdAt", "updatedAt")
       SELECT o.id, o."userId", o.status, t.sum, t.sum, '1 Load Test Way', 'Springfield', 'IL', '62701',
              CASE WHEN o.status IN ('shipped', 'delivered') THEN '1Z' || substr(md5(o.id::text), 1, 12) END,
              o."createdAt", o."createdAt"
       FROM chunk_order o
       JOIN (SELECT "orderId", sum("unitPriceCents"::bigint * quantity)::bigint AS sum FROM chunk_item GROUP BY "orderId") t ON t."orderId" = o.id`,
    );
    await client.query(
      `INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
       SELECT "orderId", "productId", "productName", "unitPriceCents", quantity, "unitPriceCents" * quantity FROM chunk_item`,
    );
    await client.query(
      `INSERT INTO order_status_history ("orderId", "fromStatus", "toStatus", "createdAt")
       SELECT id, NULL::"OrderStatus", 'pending'::"OrderStatus", "createdAt" FROM chunk_order
       UNION ALL
       SELECT id, 'pending'::"OrderStatus", status, "createdAt" + interval '1 day' FROM chunk_order WHERE status <> 'pending'`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
