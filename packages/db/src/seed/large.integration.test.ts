import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing.ts";
import { seedDemo } from "./demo.ts";
import { seedLarge } from "./large.ts";

const t = useTestDatabase({ poolSize: 2 });

beforeAll(async () => {
  await seedDemo(t.db, { password: "stockroom-demo" });
});

async function count(sql: TemplateStringsArray): Promise<number> {
  const [row] = await t.db.$queryRaw<{ n: bigint }[]>(sql);
  return Number(row!.n);
}

describe("large seed", () => {
  it("adds the requested products and orders with consistent totals, items and history", async () => {
    const before = { products: await t.db.product.count(), orders: await t.db.order.count() };
    await seedLarge(t.url, { products: 300, orders: 1_200 });
    expect(await t.db.product.count()).toBe(before.products + 300);
    expect(await t.db.order.count()).toBe(before.orders + 1_200);

    const [mismatch] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "order" o
      JOIN (SELECT "orderId", sum("lineTotalCents") AS total, count(*) AS lines FROM order_item GROUP BY "orderId") t ON t."orderId" = o.id
      WHERE o."totalCents" <> t.total OR t.lines < 1`;
    expect(Number(mismatch!.n)).toBe(0);
    const [orphans] = await t.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "order" o WHERE NOT EXISTS (SELECT 1 FROM order_status_history h WHERE h."orderId" = o.id)`;
    expect(Number(orphans!.n)).toBe(0);
    const statuses = await t.db.order.groupBy({ by: ["status"], _count: true });
    expect(statuses).toHaveLength(5);
  });

  it("gives each product 1 to 5 variants, about three on average, each with a level and a SKU of its own", async () => {
    const [spread] = await t.db.$queryRaw<{ least: number; most: number; average: number }[]>`
      SELECT min(n)::int AS least, max(n)::int AS most, avg(n)::float AS average
      FROM (SELECT count(*) AS n FROM product_variant v JOIN product p ON p.id = v."productId"
            WHERE p.slug LIKE 'bulk-%' GROUP BY v."productId") per_product`;
    expect(spread).toEqual({ least: 1, most: 5, average: 3 });
    expect(await t.db.inventoryLevel.count()).toBe(await t.db.productVariant.count());
    expect(await count`SELECT count(*) - count(DISTINCT sku) AS n FROM product_variant`).toBe(0);
    // Options: a variant's values are its product's option values; products without options have one variant.
    expect(
      await count`SELECT count(*) AS n FROM product_variant v
      LEFT JOIN product_option o1 ON o1."productId" = v."productId" AND o1.position = 1
      LEFT JOIN product_option o2 ON o2."productId" = v."productId" AND o2.position = 2
      WHERE v.option1 <> '' AND NOT v.option1 = ANY(o1.values)
         OR v.option2 <> '' AND NOT v.option2 = ANY(o2.values)
         OR (v.option1 = '') <> (o1."productId" IS NULL) OR (v.option2 = '') <> (o2."productId" IS NULL)`,
    ).toBe(0);
    expect(
      await count`SELECT count(*) AS n FROM product p
      JOIN (SELECT "productId", min("priceCents") AS lo, max("priceCents") AS hi FROM product_variant
            WHERE active GROUP BY "productId") r ON r."productId" = p.id
      WHERE p."priceCents" <> r.lo OR p."maxPriceCents" <> r.hi`,
    ).toBe(0);
  });

  it("sells order lines under their variant's product, SKU, title and price", async () => {
    expect(
      await count`SELECT count(*) AS n FROM order_item i JOIN product_variant v ON v.id = i."variantId"
      WHERE i."productId" <> v."productId" OR i.sku <> v.sku OR i."unitPriceCents" <> v."priceCents"
         OR i."variantTitle" <> CASE WHEN v.option1 = '' THEN 'Default'
                                     WHEN v.option2 = '' THEN v.option1 ELSE v.option1 || ' / ' || v.option2 END`,
    ).toBe(0);
    expect(await count`SELECT count(DISTINCT "variantTitle") AS n FROM order_item`).toBeGreaterThan(5);
  });
});
