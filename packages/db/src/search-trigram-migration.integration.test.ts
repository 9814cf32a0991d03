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

// Migration 20261204220000 adds pg_trgm and three trigram indexes for staff searches. It changes no
// row: this migrates a database holding the demo shop and compares every table before and after.

const MIGRATION = "20261204220000_search_trigram_indexes";

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

describe("the search trigram indexes migration", () => {
  it("keeps every row of the demo shop and adds the indexes the staff searches read", async () => {
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < MIGRATION));
    const before = await tableSnapshot(url);
    expect(before.product_variant?.rows).toBeGreaterThan(0);
    expect((await migrate(url, await migrationsWhere((file) => file <= MIGRATION))).applied).toEqual([
      MIGRATION,
    ]);
    expect(await tableSnapshot(url)).toEqual(before);
    await withClient(url, async (client) => {
      const { rows } = await client.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname`,
      );
      expect(rows.map((row) => row.indexname)).toEqual([
        "product_name_trgm_idx",
        "product_slug_trgm_idx",
        "product_variant_sku_trgm_idx",
      ]);
    });
  });
});
