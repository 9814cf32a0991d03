import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import {
  createEmptyDatabase,
  databaseUrl,
  dropDatabase,
  loadDemoShop,
  migrationsWhere,
  tableSnapshot,
  withClient,
} from "./testing.ts";

// Issue 14, variants: migration 20261204210000 makes every product a product with one default
// variant that takes over its price, stock level, ledger, cart lines and order lines. This migrates a
// database holding the demo shop (plus a shopper's cart) from the schema before it and checks every
// price, level and ledger sum survived, and that the database now holds the variant rules.

const MIGRATION = "20261204210000_product_variants";
const CHANGED = ["product", "inventory_level", "stock_movement", "cart_item", "order_item"];

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

const PRICES = `SELECT id, "priceCents" FROM product ORDER BY id`;
const LEDGER = `SELECT "productId", count(*)::int AS movements, sum(delta)::int AS net,
                       string_agg(id::text || ':' || delta || ':' || "quantityAfter", ',' ORDER BY id) AS entries
                FROM stock_movement GROUP BY 1 ORDER BY 1`;
const ORDER_LINES = `SELECT id, "orderId", "productId", "productName", "unitPriceCents", quantity,
                            "lineTotalCents"::text FROM order_item ORDER BY id`;

describe("the variants migration (issue 14)", () => {
  it("gives every product of the demo shop one default variant holding its price, stock, ledger, cart and order lines", async () => {
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < MIGRATION));
    const before = await withClient(url, async (client) => {
      // A shopper's cart with two lines, so cart lines are carried too.
      await client.query(`
        WITH cart AS (INSERT INTO cart ("userId") SELECT id FROM "user" WHERE email = 'shopper@stockroom.dev' RETURNING id)
        INSERT INTO cart_item ("cartId", "productId", quantity)
        SELECT cart.id, p.id, 2 FROM cart, (SELECT id FROM product ORDER BY slug LIMIT 2) p`);
      return {
        prices: (await client.query(PRICES)).rows,
        levels: (await client.query(`SELECT "productId", "onHand", version FROM inventory_level ORDER BY 1`))
          .rows,
        ledger: (await client.query(LEDGER)).rows,
        orderLines: (await client.query(ORDER_LINES)).rows,
        cart: (await client.query(`SELECT "cartId", "productId", quantity FROM cart_item ORDER BY 2`)).rows,
      };
    });
    expect(before.prices).toHaveLength(64);
    expect(before.levels).toHaveLength(64);
    expect(before.ledger.length).toBeGreaterThan(0);
    expect(before.orderLines.length).toBeGreaterThan(0);
    const untouched = await tableSnapshot(url);
    for (const table of CHANGED) delete untouched[table];

    expect((await migrate(url, await migrationsWhere((file) => file <= MIGRATION))).applied).toEqual([
      MIGRATION,
    ]);

    const after = await tableSnapshot(url);
    for (const table of [...CHANGED, "product_variant", "product_option"]) delete after[table];
    expect(after).toEqual(untouched);

    await withClient(url, async (client) => {
      // One default variant per product: no options, SKU from the slug, the product's price.
      const { rows: variants } = await client.query(
        `SELECT p.id AS "productId", v.sku = upper(p.slug) AS "skuFromSlug", v."priceCents",
                v.option1 || v.option2 || v.option3 AS options, v.active,
                p."priceCents" AS "productPrice", p."maxPriceCents" AS "productMaxPrice"
         FROM product p JOIN product_variant v ON v."productId" = p.id ORDER BY p.id`,
      );
      expect(variants).toEqual(
        before.prices.map((p) => ({
          productId: p.id,
          skuFromSlug: true,
          priceCents: p.priceCents,
          options: "",
          active: true,
          productPrice: p.priceCents,
          productMaxPrice: p.priceCents,
        })),
      );
      expect((await client.query(`SELECT count(*)::int AS n FROM product_option`)).rows).toEqual([{ n: 0 }]);

      // Each level moved to its product's variant, with its quantity and version.
      const { rows: levels } = await client.query(
        `SELECT v."productId", l."onHand", l.version FROM inventory_level l
         JOIN product_variant v ON v.id = l."variantId" ORDER BY 1`,
      );
      expect(levels).toEqual(before.levels);

      // Every ledger entry is kept and names its product's variant.
      expect((await client.query(LEDGER)).rows).toEqual(before.ledger);
      const { rows: strays } = await client.query(
        `SELECT count(*)::int AS n FROM stock_movement m JOIN product_variant v ON v.id = m."variantId"
         WHERE v."productId" <> m."productId"`,
      );
      expect(strays).toEqual([{ n: 0 }]);

      // Order lines keep their amounts and gain the variant, its SKU and the default title.
      expect((await client.query(ORDER_LINES)).rows).toEqual(before.orderLines);
      const { rows: lines } = await client.query(
        `SELECT bool_and(i.sku = v.sku AND i."variantTitle" = 'Default' AND v."productId" = i."productId") AS ok
         FROM order_item i JOIN product_variant v ON v.id = i."variantId"`,
      );
      expect(lines).toEqual([{ ok: true }]);

      const { rows: cart } = await client.query(
        `SELECT c."cartId", c."productId", c.quantity FROM cart_item c
         JOIN product_variant v ON v.id = c."variantId" AND v."productId" = c."productId" ORDER BY 2`,
      );
      expect(cart).toEqual(before.cart);
    });
  });

  it("keeps a product's price range from its active variants, and refuses a second SKU or combination", async () => {
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ id: string; priceCents: number }>(
        `SELECT id, "priceCents" FROM product ORDER BY slug LIMIT 1`,
      );
      const product = rows[0]!;
      const range = async () =>
        (
          await client.query(`SELECT "priceCents" AS lo, "maxPriceCents" AS hi FROM product WHERE id = $1`, [
            product.id,
          ])
        ).rows[0];
      await client.query(`UPDATE product_variant SET option1 = 'S' WHERE "productId" = $1`, [product.id]);
      await client.query(
        `INSERT INTO product_variant ("productId", sku, option1, "priceCents") VALUES ($1, 'RANGE-M', 'M', $2), ($1, 'RANGE-L', 'L', $3)`,
        [product.id, product.priceCents + 500, product.priceCents + 900],
      );
      expect(await range()).toEqual({ lo: product.priceCents, hi: product.priceCents + 900 });
      await client.query(
        `UPDATE product_variant SET active = false WHERE "productId" = $1 AND option1 = 'S'`,
        [product.id],
      );
      expect(await range()).toEqual({ lo: product.priceCents + 500, hi: product.priceCents + 900 });
      await client.query(`DELETE FROM product_variant WHERE sku = 'RANGE-L'`);
      expect(await range()).toEqual({ lo: product.priceCents + 500, hi: product.priceCents + 500 });

      await expect(
        client.query(
          `INSERT INTO product_variant ("productId", sku, option1, "priceCents") VALUES ($1, 'RANGE-M', 'XL', 100)`,
          [product.id],
        ),
      ).rejects.toMatchObject({ code: "23505", constraint: "product_variant_sku_key" });
      await expect(
        client.query(
          `INSERT INTO product_variant ("productId", sku, option1, "priceCents") VALUES ($1, 'RANGE-M2', 'M', 100)`,
          [product.id],
        ),
      ).rejects.toMatchObject({
        code: "23505",
        constraint: "product_variant_productId_option1_option2_option3_key",
      });
    });
  });
});
