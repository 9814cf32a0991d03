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

// Issue 13, the dashboard at scale: migration 20261204100000 adds the sales rollups, filled from the
// existing orders and then kept by triggers. This migrates a database holding the demo shop from the
// schema before it and checks the rollups equal a direct aggregate of the orders, before and after
// changes (a placement, a cancellation, a status change, a cancelled order restored, a delete).

const MIGRATION = "20261204100000_dashboard_sales_rollup";

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

const DIRECT = `
  SELECT date_bin('15 minutes', o."createdAt", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket,
         count(*)::int AS orders, sum(o."totalCents")::bigint::text AS revenue,
         sum((SELECT sum(quantity) FROM order_item i WHERE i."orderId" = o.id))::int AS units
  FROM "order" o WHERE o.status <> 'cancelled' GROUP BY 1 ORDER BY 1`;
const ROLLED = `
  SELECT bucket, sum(orders)::int AS orders, sum("revenueCents")::bigint::text AS revenue, sum(units)::int AS units
  FROM sales_rollup GROUP BY 1 HAVING sum(orders) <> 0 OR sum(units) <> 0 ORDER BY 1`;
const DIRECT_PRODUCTS = `
  SELECT i."productId", sum(i.quantity)::int AS units, sum(i."lineTotalCents")::bigint::text AS revenue
  FROM order_item i JOIN "order" o ON o.id = i."orderId" WHERE o.status <> 'cancelled'
  GROUP BY 1 ORDER BY 1`;
const ROLLED_PRODUCTS = `
  SELECT "productId", sum(units)::int AS units, sum("revenueCents")::bigint::text AS revenue
  FROM product_sales_rollup GROUP BY 1 HAVING sum(units) <> 0 ORDER BY 1`;

describe("the dashboard rollup migration (issue 13)", () => {
  it("fills the rollups from a database holding the demo shop and keeps them equal to its orders", async () => {
    // The demo shop as dumped at an early schema (src/fixtures), migrated up to the schema before this one.
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < MIGRATION));
    expect((await migrate(url, await migrationsWhere((file) => file <= MIGRATION))).applied).toEqual([
      MIGRATION,
    ]);

    await withClient(url, async (client) => {
      const same = async () => {
        expect((await client.query(ROLLED)).rows).toEqual((await client.query(DIRECT)).rows);
        expect((await client.query(ROLLED_PRODUCTS)).rows).toEqual(
          (await client.query(DIRECT_PRODUCTS)).rows,
        );
      };
      expect((await client.query(DIRECT)).rows.length).toBeGreaterThan(0);
      await same();
      // A placement: the order and its lines in one statement, as order placement writes them.
      await client.query(`
        WITH placed AS (
          INSERT INTO "order" ("userId", status, "subtotalCents", "totalCents", "shipStreet", "shipCity", "shipState", "shipZip")
          SELECT id, 'pending', 4000, 4000, '1 Way', 'Town', 'OR', '97201' FROM "user" LIMIT 1 RETURNING id
        )
        INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
        SELECT placed.id, p.id, p.name, 2000, 2, 4000 FROM placed, (SELECT id, name FROM product LIMIT 1) p`);
      await same();
      const pending = `(SELECT id FROM "order" WHERE status = 'pending' ORDER BY "createdAt" LIMIT 1)`;
      await client.query(`UPDATE "order" SET status = 'paid' WHERE id = ${pending}`);
      await same();
      await client.query(
        `UPDATE "order" SET status = 'cancelled' WHERE id = (SELECT id FROM "order" WHERE status <> 'cancelled' LIMIT 1)`,
      );
      await same();
      await client.query(
        `UPDATE "order" SET status = 'pending' WHERE id = (SELECT id FROM "order" WHERE status = 'cancelled' LIMIT 1)`,
      );
      await same();
      await client.query(
        `UPDATE "order" SET "createdAt" = "createdAt" - interval '3 days' WHERE id = ${pending}`,
      );
      await same();
      await client.query(
        `DELETE FROM "order" WHERE id = (SELECT id FROM "order" WHERE status <> 'cancelled' LIMIT 1)`,
      );
      await same();
      await client.query(
        `DELETE FROM "order" WHERE id = (SELECT id FROM "order" WHERE status = 'cancelled' LIMIT 1)`,
      );
      await same();
    });
  });
});
