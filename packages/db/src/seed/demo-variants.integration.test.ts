import { beforeAll, describe, expect, it } from "vitest";
import { tableSnapshot, useTestDatabase } from "../testing.ts";
import { seedDemo } from "./demo.ts";

// Issue 14: the demo shop on the variant model, seeded into a freshly migrated database.

const t = useTestDatabase({ poolSize: 2 });

beforeAll(async () => {
  await seedDemo(t.db, { password: "stockroom-demo" });
});

const SIZES = ["S", "M", "L", "XL"];
const BAGS = ["250 g", "1 kg"];

/** The products sold in variants: their options in order, with values in display order, and variant count. */
const VARIANT_PRODUCTS: Record<string, { options: [string, string[]][]; variants: number }> = {
  "everyday-organic-cotton-tee": {
    options: [
      ["Size", SIZES],
      ["Colour", ["White", "Black", "Sage"]],
    ],
    variants: 12,
  },
  "heavyweight-pocket-tee": {
    options: [
      ["Size", SIZES],
      ["Colour", ["Natural", "Navy"]],
    ],
    variants: 8,
  },
  "slub-linen-crew-tee": {
    options: [
      ["Size", ["S", "M", "L"]],
      ["Colour", ["Oat", "Indigo"]],
    ],
    variants: 6,
  },
  "waxed-canvas-six-panel-cap": { options: [["Colour", ["Olive", "Tan", "Black"]]], variants: 3 },
  "corduroy-dad-cap": { options: [["Colour", ["Rust", "Navy", "Cream"]]], variants: 3 },
  "merino-rib-beanie": { options: [["Colour", ["Charcoal", "Mustard", "Forest"]]], variants: 3 },
  "fisherman-chunky-beanie": { options: [["Colour", ["Ecru", "Slate"]]], variants: 2 },
  "highland-espresso-blend-250g": { options: [["Size", BAGS]], variants: 2 },
  "yirgacheffe-single-origin-250g": { options: [["Size", BAGS]], variants: 2 },
  "swiss-water-decaf-colombia-250g": {
    options: [
      ["Size", BAGS],
      ["Grind", ["Whole bean", "Filter"]],
    ],
    variants: 4,
  },
};

/** Demo products that e2e tests, the bench or the README screenshots open or buy by product. */
const PICKED_BY_OTHERS = [
  "ridgeline-28l-daypack", // the bench's first product of the first category; docs/benchmarks.md
  "enamel-camp-mug", // pa11y, Lighthouse and the README screenshots
  "adjustable-dumbbell-set", // first of the stock list (by name), which pa11y opens
  "powder-coat-kettlebell-8kg", // newest: first on the home page and the admin product list
  "trail-running-cap", // on the home page's "New in"
];

async function count(sql: TemplateStringsArray): Promise<number> {
  const [row] = await t.db.$queryRaw<{ n: bigint }[]>(sql);
  return Number(row!.n);
}

describe("the demo shop's variants", () => {
  it("keeps 64 products, each with at least one variant", async () => {
    expect(await t.db.product.count()).toBe(64);
    expect(
      await count`SELECT count(*) AS n FROM product p
      WHERE NOT EXISTS (SELECT 1 FROM product_variant v WHERE v."productId" = p.id)`,
    ).toBe(0);
  });

  it("sells the apparel and coffee it plans in variants, each combination once, with the options in order", async () => {
    const products = await t.db.product.findMany({
      where: { slug: { in: Object.keys(VARIANT_PRODUCTS) } },
      select: {
        slug: true,
        options: { orderBy: { position: "asc" }, select: { position: true, name: true, values: true } },
        variants: { select: { option1: true, option2: true, option3: true } },
      },
    });
    expect(products).toHaveLength(Object.keys(VARIANT_PRODUCTS).length);
    for (const product of products) {
      const planned = VARIANT_PRODUCTS[product.slug]!;
      expect(product.options.map((option) => [option.name, option.values])).toEqual(planned.options);
      expect(product.options.map((option) => option.position)).toEqual(planned.options.map((_, i) => i + 1));
      expect(product.variants).toHaveLength(planned.variants);
      const combinations = product.variants.map((variant) => {
        const values = [variant.option1, variant.option2, variant.option3];
        values.forEach((value, i) => {
          const option = planned.options[i];
          if (option) expect(option[1]).toContain(value);
          else expect(value).toBe("");
        });
        return values.join("|");
      });
      expect(new Set(combinations).size).toBe(planned.variants);
    }
  });

  it("gives every other product one default variant: no options, the slug upper-cased as SKU", async () => {
    const others = await t.db.product.findMany({
      where: { slug: { notIn: Object.keys(VARIANT_PRODUCTS) } },
      select: { slug: true, priceCents: true, options: true, variants: true },
    });
    expect(others).toHaveLength(64 - Object.keys(VARIANT_PRODUCTS).length);
    for (const product of others) {
      expect(product.options).toEqual([]);
      expect(product.variants).toMatchObject([
        {
          sku: product.slug.toUpperCase(),
          option1: "",
          option2: "",
          option3: "",
          priceCents: product.priceCents,
        },
      ]);
    }
    expect(others.map((product) => product.slug)).toEqual(expect.arrayContaining(PICKED_BY_OTHERS));
  });

  it("has unique SKUs, some sold-out variants, and compare-at prices above the price", async () => {
    expect(await count`SELECT count(*) - count(DISTINCT sku) AS n FROM product_variant`).toBe(0);
    expect(
      await count`SELECT count(*) AS n FROM product_variant v
      JOIN inventory_level l ON l."variantId" = v.id JOIN product_option o ON o."productId" = v."productId"
      WHERE l."onHand" = 0 AND o.position = 1`,
    ).toBeGreaterThan(2);
    const onSale = await t.db.productVariant.findMany({
      where: { compareAtPriceCents: { not: null } },
      select: { priceCents: true, compareAtPriceCents: true },
    });
    expect(onSale.length).toBeGreaterThan(0);
    for (const variant of onSale) expect(variant.compareAtPriceCents!).toBeGreaterThan(variant.priceCents);
  });

  it("prices each product from the lowest to the highest of its active variants", async () => {
    expect(
      await count`SELECT count(*) AS n FROM product p
      JOIN (SELECT "productId", min("priceCents") AS lo, max("priceCents") AS hi FROM product_variant
            WHERE active GROUP BY "productId") r ON r."productId" = p.id
      WHERE p."priceCents" <> r.lo OR p."maxPriceCents" <> r.hi`,
    ).toBe(0);
    expect(
      await count`SELECT count(*) AS n FROM product WHERE "maxPriceCents" > "priceCents"`,
    ).toBeGreaterThan(3);
  });

  it("stocks every variant with a level that its ledger adds up to, opened by one restock", async () => {
    expect(await t.db.inventoryLevel.count()).toBe(await t.db.productVariant.count());
    expect(
      await count`SELECT count(*) AS n FROM inventory_level l
      LEFT JOIN (SELECT "variantId", sum(delta) AS total, count(*) AS movements FROM stock_movement
                 GROUP BY "variantId") m ON m."variantId" = l."variantId"
      WHERE l."onHand" <> coalesce(m.total, 0) OR coalesce(m.movements, 0) <> (l."onHand" > 0)::int`,
    ).toBe(0);
    expect(
      await count`SELECT count(*) AS n FROM stock_movement m JOIN product_variant v ON v.id = m."variantId"
      WHERE m."productId" <> v."productId" OR m.reason <> 'restock' OR m.note <> 'Opening stock'`,
    ).toBe(0);
  });

  it("sells order lines under their variant's product, SKU, title and price", async () => {
    const lines = await t.db.orderItem.findMany({
      select: {
        productId: true,
        sku: true,
        variantTitle: true,
        unitPriceCents: true,
        variant: { select: { productId: true, sku: true, priceCents: true } },
      },
    });
    for (const line of lines) {
      expect(line.productId).toBe(line.variant.productId);
      expect(line.sku).toBe(line.variant.sku);
      expect(line.unitPriceCents).toBe(line.variant.priceCents);
    }
    expect(lines.map((line) => [line.sku, line.variantTitle])).toEqual(
      expect.arrayContaining([
        ["EVERYDAY-ORGANIC-COTTON-TEE-M-BLK", "M / Black"],
        ["MERINO-RIB-BEANIE-MUS", "Mustard"],
        ["RIDGELINE-28L-DAYPACK", "Default"],
      ]),
    );
  });

  it("creates nothing and changes nothing when run a second time", async () => {
    const before = await tableSnapshot(t.url);
    expect(await seedDemo(t.db, { password: "stockroom-demo" })).toEqual({
      categoriesCreated: 0,
      productsCreated: 0,
      usersCreated: 0,
      ordersCreated: 0,
    });
    expect(await tableSnapshot(t.url)).toEqual(before);
  });
});
