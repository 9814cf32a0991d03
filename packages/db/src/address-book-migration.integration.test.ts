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

// Issue 13, the address book: migration 20261204200000_address_book creates customer_address and
// fills it from past orders. This migrates a database holding the demo shop from the schema before
// it and checks every row is kept and each customer with orders has their latest order's address as
// their default, with every distinct address they shipped to once.

const MIGRATION = "20261204200000_address_book";

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

describe("the address-book migration (issue 13)", () => {
  it("keeps every row of the demo shop and gives each customer with orders their latest order's address as default", async () => {
    // Every migration before this one: a dashboard migration landing at the same time (20261204100000+)
    // is applied first, as it would be in production.
    // The demo shop as dumped at an early schema (src/fixtures), migrated up to the schema before this one.
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < MIGRATION));
    await withClient(url, async (client) => {
      // A second address for one customer, on an older order and spelled twice (case and spaces
      // differ), so the backfill has distinct addresses to keep and a duplicate to fold.
      const { rows } = await client.query<{ id: string; userId: string }>(
        `SELECT id, "userId" FROM "order" ORDER BY "createdAt" ASC, number ASC LIMIT 2`,
      );
      for (const row of rows) {
        await client.query(
          `UPDATE "order" SET "shipStreet" = $2, "shipCity" = $3, "shipZip" = '90210', "createdAt" = "createdAt" - interval '400 days' WHERE id = $1`,
          [row.id, rows.indexOf(row) === 0 ? "1 Old  Road" : " 1 old road", "Oldtown"],
        );
        await client.query(`UPDATE "order" SET "userId" = $2 WHERE id = $1`, [row.id, rows[0]!.userId]);
      }
    });
    const before = await tableSnapshot(url);
    expect(before.order?.rows).toBeGreaterThan(0);
    expect(before.customer_address).toBeUndefined();

    const result = await migrate(url, await migrationsWhere((file) => file <= MIGRATION));
    expect(result.applied).toEqual([MIGRATION]);

    const { customer_address: book, ...after } = await tableSnapshot(url);
    expect(after).toEqual(before);
    expect(book?.rows).toBeGreaterThan(0);

    await withClient(url, async (client) => {
      // Each user with orders: exactly one default, equal to their latest order's address.
      const { rows: latest } = await client.query<{
        userId: string;
        street: string;
        city: string;
        state: string;
        zip: string;
        country: string;
      }>(
        `SELECT DISTINCT ON ("userId") "userId", "shipStreet" AS street, "shipCity" AS city,
                "shipState" AS state, "shipZip" AS zip, "shipCountry" AS country
         FROM "order" ORDER BY "userId", "createdAt" DESC, number DESC`,
      );
      expect(latest.length).toBeGreaterThan(0);
      const { rows: defaults } = await client.query(
        `SELECT "userId", street, city, state, zip, country FROM customer_address WHERE "isDefault" ORDER BY "userId"`,
      );
      expect(defaults).toEqual([...latest].sort((a, b) => (a.userId < b.userId ? -1 : 1)));

      // Every distinct address of a user's orders is in their book once; the two spellings fold into one.
      const { rows: counts } = await client.query<{ userId: string; used: number; saved: number }>(
        `SELECT u."userId",
                (SELECT count(DISTINCT customer_address_hash("shipStreet", "shipCity", "shipState", "shipZip", "shipCountry"))::int
                 FROM "order" o WHERE o."userId" = u."userId") AS used,
                (SELECT count(*)::int FROM customer_address a WHERE a."userId" = u."userId") AS saved
         FROM (SELECT DISTINCT "userId" FROM "order") u`,
      );
      for (const count of counts) expect(count.saved).toBe(Math.min(count.used, 20));
      const { rows: old } = await client.query(
        `SELECT street, "isDefault" FROM customer_address WHERE city = 'Oldtown'`,
      );
      expect(old).toEqual([{ street: " 1 old road", isDefault: false }]);
      // Nobody without orders got an address.
      const { rows: strays } = await client.query(
        `SELECT count(*)::int AS n FROM customer_address a
         WHERE NOT EXISTS (SELECT 1 FROM "order" o WHERE o."userId" = a."userId")`,
      );
      expect(strays).toEqual([{ n: 0 }]);
      // The database holds the one-default rule.
      const { rows: someDefault } = await client.query<{ userId: string }>(
        `SELECT "userId" FROM customer_address WHERE "isDefault" LIMIT 1`,
      );
      await expect(
        client.query(
          `INSERT INTO customer_address ("userId", street, city, state, zip, "isDefault") VALUES ($1, 'x', 'y', 'z', '1', true)`,
          [someDefault[0]!.userId],
        ),
      ).rejects.toMatchObject({ code: "23505" });
    });
  });
});
