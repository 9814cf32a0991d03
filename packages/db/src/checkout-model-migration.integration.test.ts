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

// Issue 15, checkout: migration 20261206230000 adds shipping zones and methods, tax rates, the shop's
// settings row, promotions and redemptions, and the breakdown columns of orders and their lines. This
// migrates a database holding the demo shop and checks every existing row is unchanged but for the
// new columns, which hold what an order priced before them had: no discount, no tax, no method.

const MIGRATION = "20261206230000_checkout_model";
const NEW_TABLES = [
  "shop_settings",
  "shipping_zone",
  "shipping_zone_region",
  "shipping_method",
  "tax_rate",
  "promotion",
  "promotion_redemption",
];
const NEW_ORDER_COLUMNS = `"discountCents", "taxCents", "taxInclusive", "shippingMethodId", "shippingMethodName", "promotionCode"`;
const ORDERS = `SELECT * FROM "order" ORDER BY id`;
const ORDER_ITEMS = `SELECT * FROM order_item ORDER BY id`;

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

describe("the checkout model migration (issue 15)", () => {
  it("keeps every row of the demo shop; orders and lines gain no discount, no tax and no method", async () => {
    await loadDemoShop(url);
    await migrate(url, await migrationsWhere((file) => file < MIGRATION));
    const { order: ordersBefore, order_item: itemsBefore, ...before } = await tableSnapshot(url);
    const { orders, items } = await withClient(url, async (client) => ({
      orders: (await client.query(ORDERS)).rows,
      items: (await client.query(ORDER_ITEMS)).rows,
    }));
    expect(orders.length).toBeGreaterThan(0);
    expect(items.length).toBeGreaterThan(0);
    expect(ordersBefore?.rows).toBe(orders.length);
    expect(itemsBefore?.rows).toBe(items.length);

    expect((await migrate(url, await migrationsWhere((file) => file <= MIGRATION))).applied).toEqual([
      MIGRATION,
    ]);

    const { order: ordersAfter, order_item: itemsAfter, ...after } = await tableSnapshot(url);
    const added = Object.fromEntries(NEW_TABLES.map((table) => [table, after[table]]));
    for (const table of NEW_TABLES) delete after[table];
    expect(after).toEqual(before);
    expect(ordersAfter?.rows).toBe(orders.length);
    expect(itemsAfter?.rows).toBe(items.length);
    expect(Object.fromEntries(Object.entries(added).map(([table, t]) => [table, t?.rows]))).toEqual({
      shop_settings: 1,
      shipping_zone: 0,
      shipping_zone_region: 0,
      shipping_method: 0,
      tax_rate: 0,
      promotion: 0,
      promotion_redemption: 0,
    });

    await withClient(url, async (client) => {
      // Every old column of every order and line holds what it held; the new ones their defaults.
      const ordersNow = (await client.query(ORDERS)).rows;
      expect(
        ordersNow.map(
          ({
            discountCents,
            taxCents,
            taxInclusive,
            shippingMethodId,
            shippingMethodName,
            promotionCode,
            ...rest
          }) => {
            expect({
              discountCents,
              taxCents,
              taxInclusive,
              shippingMethodId,
              shippingMethodName,
              promotionCode,
            }).toEqual({
              discountCents: "0",
              taxCents: "0",
              taxInclusive: false,
              shippingMethodId: null,
              shippingMethodName: null,
              promotionCode: null,
            });
            return rest;
          },
        ),
      ).toEqual(orders);
      const itemsNow = (await client.query(ORDER_ITEMS)).rows;
      expect(
        itemsNow.map(({ discountCents, taxCents, ...rest }) => {
          expect({ discountCents, taxCents }).toEqual({ discountCents: "0", taxCents: "0" });
          return rest;
        }),
      ).toEqual(items);
      const { rows: columns } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "order" WHERE (${NEW_ORDER_COLUMNS}) IS NOT DISTINCT FROM (0, 0, false, NULL::uuid, NULL, NULL)`,
      );
      expect(columns[0]?.n).toBe(orders.length);

      const { rows: settings } = await client.query(`SELECT id, "taxInclusive" FROM shop_settings`);
      expect(settings).toEqual([{ id: 1, taxInclusive: false }]);
    });
  });

  it("holds the rules Prisma cannot declare", async () => {
    await withClient(url, async (client) => {
      const refused = async (sql: string, params: unknown[] = []) => {
        await client.query("SAVEPOINT s");
        try {
          await client.query(sql, params);
          await client.query("RELEASE SAVEPOINT s");
          return null;
        } catch (error) {
          await client.query("ROLLBACK TO SAVEPOINT s");
          return (error as { constraint?: string }).constraint ?? String(error);
        }
      };
      await client.query("BEGIN");
      try {
        // One settings row.
        expect(await refused(`INSERT INTO shop_settings (id) VALUES (2)`)).toBe(
          "shop_settings_one_row_check",
        );

        // A region is in one zone; '*' is the rest of the world, with no states.
        const zone = async (zoneName: string) =>
          (
            await client.query<{ id: string }>(`INSERT INTO shipping_zone (name) VALUES ($1) RETURNING id`, [
              zoneName,
            ])
          ).rows[0]?.id;
        const us = await zone("US");
        const other = await zone("Other");
        expect(
          await refused(
            `INSERT INTO shipping_zone_region ("zoneId", country, state) VALUES ($1, 'US', ''), ($1, 'US', 'CA')`,
            [us],
          ),
        ).toBeNull();
        expect(
          await refused(`INSERT INTO shipping_zone_region ("zoneId", country) VALUES ($1, 'US')`, [other]),
        ).toBe("shipping_zone_region_country_state_key");
        expect(
          await refused(`INSERT INTO shipping_zone_region ("zoneId", country) VALUES ($1, '*')`, [other]),
        ).toBeNull();
        expect(
          await refused(
            `INSERT INTO shipping_zone_region ("zoneId", country, state) VALUES ($1, '*', 'CA')`,
            [other],
          ),
        ).toBe("shipping_zone_region_world_check");
        expect(
          await refused(`INSERT INTO shipping_zone_region ("zoneId", country) VALUES ($1, 'us')`, [other]),
        ).toBe("shipping_zone_region_country_check");
        // The '*' row matches a text parameter (char(2) pads it to '* ' only when read).
        const { rows: world } = await client.query(
          `SELECT "zoneId" FROM shipping_zone_region WHERE country = $1`,
          ["*"],
        );
        expect(world).toEqual([{ zoneId: other }]);

        // A method carries what its kind needs.
        const method = (kind: string, extra: string) =>
          refused(
            `INSERT INTO shipping_method ("zoneId", name, kind, ${extra.split("=")[0]}) VALUES ($1, 'M', '${kind}', ${extra.split("=")[1]})`,
            [us],
          );
        expect(await method("free_over", `"priceCents"=500`)).toBe("shipping_method_free_over_check");
        expect(await method("weight", `"weightTiers"='[]'`)).toBe("shipping_method_weight_check");
        expect(await method("flat", `"priceCents"=-1`)).toBe("shipping_method_priceCents_check");

        // Tax rates: one per (country, state), rates from 0 to 100%.
        expect(
          await refused(`INSERT INTO tax_rate (country, name, "ratePpm") VALUES ('DE', 'VAT', 190000)`),
        ).toBeNull();
        expect(
          await refused(`INSERT INTO tax_rate (country, name, "ratePpm") VALUES ('DE', 'VAT', 70000)`),
        ).toBe("tax_rate_country_state_key");
        expect(
          await refused(`INSERT INTO tax_rate (country, name, "ratePpm") VALUES ('FR', 'VAT', 1000001)`),
        ).toBe("tax_rate_ratePpm_check");

        // Promotions: a normalized code, a value for their type, a counter within its limit.
        const promotion = (values: string) =>
          refused(
            `INSERT INTO promotion (code, type, "percentPpm", "amountCents", "usageLimit", "timesUsed") VALUES ${values}`,
          );
        expect(await promotion(`('SAVE10', 'percentage', 100000, NULL, 10, 0)`)).toBeNull();
        expect(await promotion(`('save', 'free_shipping', NULL, NULL, NULL, 0)`)).toBe(
          "promotion_code_check",
        );
        expect(await promotion(`('P0', 'percentage', NULL, NULL, NULL, 0)`)).toBe(
          "promotion_percentPpm_check",
        );
        expect(await promotion(`('P1', 'percentage', 1000001, NULL, NULL, 0)`)).toBe(
          "promotion_percentPpm_check",
        );
        expect(await promotion(`('F0', 'fixed', NULL, 0, NULL, 0)`)).toBe("promotion_amountCents_check");
        expect(await promotion(`('F1', 'fixed', NULL, NULL, NULL, 0)`)).toBe("promotion_amountCents_check");
        expect(await promotion(`('L1', 'free_shipping', NULL, NULL, 2, 3)`)).toBe(
          "promotion_timesUsed_check",
        );
        expect(
          await refused(`UPDATE promotion SET "timesUsed" = "timesUsed" + 11 WHERE code = 'SAVE10'`),
        ).toBe("promotion_timesUsed_check");
      } finally {
        await client.query("ROLLBACK");
      }
    });
  });
});
