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

// Issue 13, admin lists at scale: four migrations add indexes and the order-status tally (a table
// filled from the existing orders, then kept by triggers). This migrates a database holding the demo
// shop from the schema before them and checks every row is kept and the tally starts out right.

const FIRST = "20261203070000_staff_product_list_indexes";
const ADDED = [
  FIRST,
  "20261203071000_order_status_tally",
  "20261203072000_order_revenue_index",
  "20261203073000_customer_list_index",
];

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

describe("the admin-list migrations (issue 13)", () => {
  it("keep every row of a database holding the demo shop, and the tally starts with its orders", async () => {
    // The demo shop as dumped at an early schema (src/fixtures), migrated up to the schema before this one.
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < FIRST));
    const before = await tableSnapshot(url);
    expect(before.order?.rows).toBeGreaterThan(0);
    expect(before.order_status_tally).toBeUndefined();

    const result = await migrate(url, await migrationsWhere((file) => file <= ADDED.at(-1)!));
    expect(result.applied).toEqual(ADDED);

    const { order_status_tally: tally, ...after } = await tableSnapshot(url);
    expect(after).toEqual(before);
    expect(tally?.rows).toBeGreaterThan(0);
    await withClient(url, async (client) => {
      const counted = await client.query(
        `SELECT status::text, count(*)::int AS n FROM "order" GROUP BY status ORDER BY status`,
      );
      const tallied = await client.query(
        `SELECT status::text, sum(delta)::int AS n FROM order_status_tally GROUP BY status HAVING sum(delta) <> 0 ORDER BY status`,
      );
      expect(tallied.rows).toEqual(counted.rows);
      // Kept by the triggers from here on: a status change moves one order between two counts.
      await client.query(
        `UPDATE "order" SET status = 'cancelled' WHERE id = (SELECT id FROM "order" WHERE status = 'pending' LIMIT 1)`,
      );
      const recounted = await client.query(
        `SELECT status::text, count(*)::int AS n FROM "order" GROUP BY status ORDER BY status`,
      );
      const retallied = await client.query(
        `SELECT status::text, sum(delta)::int AS n FROM order_status_tally GROUP BY status HAVING sum(delta) <> 0 ORDER BY status`,
      );
      expect(retallied.rows).toEqual(recounted.rows);
    });
  });
});
