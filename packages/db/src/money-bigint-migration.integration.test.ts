import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import {
  createEmptyDatabase,
  databaseUrl,
  dropDatabase,
  loadDemoShop,
  migrationsWhere,
  withClient,
} from "./testing.ts";

// Issue 10, integer overflow: order money moved from integer to bigint. This proves the migration
// keeps a live shop's data: it migrates a database holding the demo shop from the previous schema.

const MIGRATION = "20261201210000_order_money_bigint";

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

/** Every row count, and every amount of every order and line, as text (so no type changes it). */
function snapshot() {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${table_name}"`);
      counts[table_name] = rows[0].n;
    }
    const orders = await client.query(
      `SELECT id, number, "subtotalCents"::text, "shippingCents"::text, "totalCents"::text FROM "order" ORDER BY id`,
    );
    const items = await client.query(
      `SELECT id, "orderId", "unitPriceCents"::text, quantity, "lineTotalCents"::text FROM order_item ORDER BY id`,
    );
    return { counts, orders: orders.rows, items: items.rows };
  });
}

function columnTypes() {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ column: string; type: string }>(
      `SELECT table_name || '.' || column_name AS column, data_type AS type FROM information_schema.columns
       WHERE (table_name = 'order' AND column_name IN ('subtotalCents', 'shippingCents', 'totalCents'))
          OR (table_name = 'order_item' AND column_name = 'lineTotalCents')
       ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((row) => [row.column, row.type]));
  });
}

describe(`migration ${MIGRATION}`, () => {
  it("widens order money to bigint on a database holding the demo shop, losing nothing", async () => {
    // The previous schema: every migration before this one.
    // The demo shop as dumped at an early schema (src/fixtures), migrated up to the schema before this one.
    await loadDemoShop(url);
    const previous = await migrationsWhere((file) => file < MIGRATION);
    await migrate(url, previous);
    expect((await columnTypes())["order.totalCents"]).toBe("integer");
    const before = await snapshot();
    expect(before.orders.length).toBeGreaterThan(0);
    expect(before.items.length).toBeGreaterThan(0);

    // This migration alone, whatever migrations were added after it.
    const throughThisOne = await migrationsWhere((file) => file <= MIGRATION);
    const result = await migrate(url, throughThisOne);
    expect(result.applied).toEqual([MIGRATION]);

    expect(await snapshot()).toEqual(before);
    expect(await columnTypes()).toEqual({
      "order.shippingCents": "bigint",
      "order.subtotalCents": "bigint",
      "order.totalCents": "bigint",
      "order_item.lineTotalCents": "bigint",
    });
  });

  it("then holds a line and an order past 2^31 cents, and still refuses a line total that does not add up", async () => {
    await withClient(url, async (client) => {
      const { rows } = await client.query(
        `SELECT o.id AS "orderId", i."productId" FROM "order" o JOIN order_item i ON i."orderId" = o.id LIMIT 1`,
      );
      const { orderId, productId } = rows[0];
      const big = 44_900 * 99_900;
      await client.query(
        `INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
         VALUES ($1, $2, 'Big line', 44900, 99900, $3)`,
        [orderId, productId, big],
      );
      await client.query(`UPDATE "order" SET "totalCents" = "totalCents" + $2 WHERE id = $1`, [orderId, big]);
      await expect(
        client.query(
          `INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
           VALUES ($1, $2, 'Wrong line', 44900, 99900, $3)`,
          [orderId, productId, big + 1],
        ),
      ).rejects.toThrow(/order_item_lineTotalCents_check/);
    });
  });
});
