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

// Migration 20261206220000 gives each stock level a copy of its product's low-stock threshold and a
// generated "lowStockOnHand" (the level while at or under it) with a partial index. This migrates a
// database holding the demo shop and
// checks every other table is unchanged, every level kept its stock, and the triggers keep the copy.

const MIGRATION = "20261206220000_low_stock_index";

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

const LEVELS = `SELECT "variantId", "onHand", version, "updatedAt" FROM inventory_level ORDER BY "variantId"`;

describe("the low-stock index migration", () => {
  it("keeps every row of the demo shop and flags the levels at or under their product's threshold", async () => {
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < MIGRATION));
    const { inventory_level: levelsBefore, ...before } = await tableSnapshot(url);
    const levels = await withClient(url, async (client) => (await client.query(LEVELS)).rows);
    expect(levels.length).toBeGreaterThan(0);
    expect(levelsBefore?.rows).toBe(levels.length);

    expect((await migrate(url, await migrationsWhere((file) => file <= MIGRATION))).applied).toEqual([
      MIGRATION,
    ]);
    const { inventory_level: levelsAfter, ...after } = await tableSnapshot(url);
    expect(after).toEqual(before);
    expect(levelsAfter?.rows).toBe(levels.length);

    await withClient(url, async (client) => {
      expect((await client.query(LEVELS)).rows).toEqual(levels);
      const { rows } = await client.query<{ mismatched: number; low: number; total: number }>(
        `SELECT count(*) FILTER (WHERE l."lowStockThreshold" <> p."lowStockThreshold"
                  OR l."lowStockOnHand" IS DISTINCT FROM (CASE WHEN l."onHand" <= p."lowStockThreshold" THEN l."onHand" END))::int AS mismatched,
                count(*) FILTER (WHERE l."lowStockOnHand" IS NOT NULL)::int AS low, count(*)::int AS total
         FROM inventory_level l JOIN product_variant v ON v.id = l."variantId" JOIN product p ON p.id = v."productId"`,
      );
      expect(rows[0]).toMatchObject({ mismatched: 0, total: levels.length });
      expect(rows[0]?.low).toBeGreaterThan(0);
    });
  });

  it("keeps a sale of a level above its threshold a HOT update (the index does not name onHand)", async () => {
    await withClient(url, async (client) => {
      const hotUpdates = async () =>
        (
          await client.query<{ hot: string }>(
            `SELECT pg_stat_get_xact_tuples_hot_updated('inventory_level'::regclass) AS hot`,
          )
        ).rows[0]?.hot;
      const { rows } = await client.query<{ above: string; low: string }>(
        `SELECT (SELECT "variantId" FROM inventory_level WHERE "lowStockOnHand" IS NULL AND "onHand" > "lowStockThreshold" + 1 LIMIT 1) AS above,
                (SELECT "variantId" FROM inventory_level WHERE "lowStockOnHand" > 0 LIMIT 1) AS low`,
      );
      const { above, low } = rows[0] ?? {};
      expect(above && low).toBeTruthy();
      await client.query("BEGIN");
      try {
        const sell = (variantId: string | undefined) =>
          client.query(
            `UPDATE inventory_level SET "onHand" = "onHand" - 1, version = version + 1 WHERE "variantId" = $1`,
            [variantId],
          );
        await sell(above);
        expect(await hotUpdates()).toBe("1");
        // A low level's entry moves in the index: not HOT, and the only updates that are not.
        await sell(low);
        expect(await hotUpdates()).toBe("1");
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });

  it("copies the threshold to new levels and follows a product's new threshold", async () => {
    await withClient(url, async (client) => {
      const { rows: products } = await client.query<{ id: string; variantId: string }>(
        `SELECT p.id, v.id AS "variantId" FROM product p JOIN product_variant v ON v."productId" = p.id
         ORDER BY p.id LIMIT 1`,
      );
      const product = products[0];
      if (!product) throw new Error("the demo shop has no product");
      await client.query(`UPDATE product SET "lowStockThreshold" = 7 WHERE id = $1`, [product.id]);
      await client.query(`UPDATE inventory_level SET "onHand" = 7 WHERE "variantId" = $1`, [
        product.variantId,
      ]);
      const level = async (variantId: string) =>
        (
          await client.query<{ lowStockThreshold: number; lowStockOnHand: number | null }>(
            `SELECT "lowStockThreshold", "lowStockOnHand" FROM inventory_level WHERE "variantId" = $1`,
            [variantId],
          )
        ).rows[0];
      expect(await level(product.variantId)).toEqual({ lowStockThreshold: 7, lowStockOnHand: 7 });

      await client.query(`UPDATE product SET "lowStockThreshold" = 6 WHERE id = $1`, [product.id]);
      expect(await level(product.variantId)).toEqual({ lowStockThreshold: 6, lowStockOnHand: null });

      // A new variant's level takes the product's threshold even when the writer sends another.
      const { rows: added } = await client.query<{ id: string }>(
        `INSERT INTO product_variant ("productId", sku, "priceCents", option1, position)
         VALUES ($1, 'LOW-FLAG-TEST', 100, 'Low flag test', 99) RETURNING id`,
        [product.id],
      );
      const variantId = added[0]?.id ?? "";
      await client.query(
        `INSERT INTO inventory_level ("variantId", "onHand", "lowStockThreshold") VALUES ($1, 3, 1000)`,
        [variantId],
      );
      expect(await level(variantId)).toEqual({ lowStockThreshold: 6, lowStockOnHand: 3 });
    });
  });
});
