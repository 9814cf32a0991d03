import cliProgress from "cli-progress";
import pg from "pg";

export interface LargeSeedOptions {
  products: number;
  orders: number;
  /** Show a progress bar on stderr (off in tests). */
  progress?: boolean;
}

const CHUNK = 25_000;
const VARIANT_STEP_CENTS = 250;
const SIZES = ["XS", "S", "M", "L", "XL"];
const COLOURED_SIZES = ["S", "M", "L"];
const COLOURS = ["Black", "White"];
const COLOUR_CODES = ["BLK", "WHT"];
const CUSTOMERS_PER_ORDER = 1 / 20;

/**
 * Adds a large synthetic data set for benchmarks and dashboard work: products with 1 to 5 variants
 * (about three per product) spread over the existing categories, customers, and orders of variants
 * over the last year in every status. Everything is
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
    // What an order line may buy: every active variant, with the SKU and title it is sold under.
    await client.query(`CREATE TEMP TABLE seed_variant AS
      SELECT row_number() OVER (ORDER BY v.id) AS n, v.id, v."productId", p.name, v.sku, v."priceCents",
             coalesce(nullif(concat_ws(' / ', nullif(v.option1, ''), nullif(v.option2, ''), nullif(v.option3, '')), ''),
                      'Default') AS title
      FROM product_variant v JOIN product p ON p.id = v."productId" WHERE v.active AND p.active`);
    await client.query(`CREATE UNIQUE INDEX ON seed_variant (n)`);
    await client.query(`CREATE TEMP TABLE seed_customer AS
      SELECT row_number() OVER (ORDER BY id) AS n, id FROM "user" WHERE role = 'CUSTOMER'`);
    await client.query(`CREATE UNIQUE INDEX ON seed_customer (n)`);
    for (let start = 0; start < options.orders; start += CHUNK) {
      const count = Math.min(CHUNK, options.orders - start);
      await insertOrders(client, count);
      step(count, "orders");
    }
    // VACUUM as well: until the visibility map is set, the dashboard's index-only reads of the sales
    // rollups visit the heap (171 ms against 55 ms for the dashboard, measured on this seed).
    await client.query("VACUUM ANALYZE");
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

/**
 * One chunk of products, each with 1 to 5 variants (n % 5 + 1 over consecutive n: 3 on average).
 * A product with one has the default variant (no options, the slug upper-cased as SKU); one with
 * more has a Size option, and every third one a Colour as well (S Black, S White, M Black, ... as far as its count goes). Each
 * variant costs 2.50 more than the one before; the product's range is set to match, which leaves the
 * price-range trigger nothing to write.
 */
async function insertProducts(client: pg.Client, run: string, start: number, count: number) {
  await client.query(
    `WITH cats AS (SELECT array_agg(id ORDER BY position) AS ids FROM category),
     g AS (
       SELECT n, 'bulk-' || $3 || '-' || n AS slug, 1 + (n * 7) % 5 AS variants, n % 3 = 0 AS coloured,
              199 + (n * 7919) % 49800 AS price
       FROM generate_series($1::int + 1, $1::int + $2::int) AS n
     ),
     inserted AS (
       INSERT INTO product (slug, name, description, "priceCents", "maxPriceCents", "imageUrl", "categoryId", "createdAt", "updatedAt")
       SELECT g.slug,
              ($4::text[])[1 + g.n % array_length($4::text[], 1)] || ' ' ||
                ($5::text[])[1 + (g.n / 7) % array_length($5::text[], 1)] || ' No. ' || g.n,
              'Generated product ' || g.n || ' for load testing and benchmarks.',
              g.price, g.price + (g.variants - 1) * ${VARIANT_STEP_CENTS},
              '/images/products/placeholder.svg',
              cats.ids[1 + g.n % greatest(array_length(cats.ids, 1), 1)],
              now() - (g.n % 365) * interval '1 day',
              now()
       FROM g CROSS JOIN cats
       RETURNING id, slug
     ),
     p AS (SELECT inserted.id, g.* FROM inserted JOIN g USING (slug)),
     options AS (
       INSERT INTO product_option ("productId", position, name, values)
       SELECT id, 1, 'Size', CASE WHEN coloured THEN ($7::text[])[1:(variants + 1) / 2] ELSE ($6::text[])[1:variants] END
       FROM p WHERE variants > 1
       UNION ALL
       SELECT id, 2, 'Colour', ($8::text[])[1:least(variants, 2)] FROM p WHERE variants > 1 AND coloured
     ),
     combos AS (
       SELECT p.id, p.slug, p.variants, p.price, i,
              CASE WHEN p.variants = 1 THEN '' WHEN p.coloured THEN ($7::text[])[1 + i / 2] ELSE ($6::text[])[1 + i] END AS size,
              CASE WHEN p.variants > 1 AND p.coloured THEN ($8::text[])[1 + i % 2] ELSE '' END AS colour,
              CASE WHEN p.variants > 1 AND p.coloured THEN '-' || ($9::text[])[1 + i % 2] ELSE '' END AS colour_code
       FROM p CROSS JOIN LATERAL generate_series(0, p.variants - 1) AS i
     ),
     variants AS (
       INSERT INTO product_variant ("productId", sku, option1, option2, "priceCents", position)
       SELECT id,
              upper(slug) || CASE WHEN size = '' THEN '' ELSE '-' || size END || colour_code,
              size, colour, price + i * ${VARIANT_STEP_CENTS}, i
       FROM combos
       RETURNING id, sku
     )
     INSERT INTO inventory_level ("variantId", "onHand")
     SELECT id, (hashtext(sku) & 255) FROM variants`,
    [start, count, run, adjectives, nouns, SIZES, COLOURED_SIZES, COLOURS, COLOUR_CODES],
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
       SELECT o.id AS "orderId", v."productId", v.id AS "variantId", v.sku, v.name AS "productName", v.title AS "variantTitle",
              v."priceCents" AS "unitPriceCents", picks.quantity
       FROM chunk_order o
       CROSS JOIN LATERAL (
         SELECT 1 + floor(random() * (SELECT count(*) FROM seed_variant))::int AS pick, 1 + floor(random() * 3)::int AS quantity
         FROM generate_series(1, 1 + floor(random() * 3)::int + (o.id IS NULL)::int)
       ) AS picks
       JOIN seed_variant v ON v.n = picks.pick`,
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
      `INSERT INTO order_item ("orderId", "productId", "variantId", sku, "productName", "variantTitle", "unitPriceCents", quantity,
                               "lineTotalCents")
       SELECT "orderId", "productId", "variantId", sku, "productName", "variantTitle", "unitPriceCents", quantity,
              "unitPriceCents" * quantity
       FROM chunk_item`,
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
