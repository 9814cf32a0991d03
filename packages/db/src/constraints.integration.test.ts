import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, withClient } from "./testing.ts";

const t = useTestDatabase({ poolSize: 2 });
let productId: string;
let variantId: string;

beforeAll(async () => {
  const product = await t.db.product.create({
    data: {
      slug: "mug",
      name: "Mug",
      priceCents: 1200,
      maxPriceCents: 1200,
      variants: { create: { sku: "MUG", priceCents: 1200, inventory: { create: { onHand: 3 } } } },
    },
    select: { id: true, variants: { select: { id: true } } },
  });
  productId = product.id;
  variantId = product.variants[0]!.id;
});

/** Postgres reports a CHECK violation as SQLSTATE 23514; Prisma surfaces it in the error text. */
const checkViolation = /23514|check constraint|violates check/i;

/** Runs raw SQL on a plain pg connection, whose errors carry the SQLSTATE and the constraint's name. */
function sql(text: string, values: unknown[] = []) {
  return withClient(t.url, (client) => client.query(text, values));
}

async function priceRange(id: string) {
  return t.db.product.findUniqueOrThrow({
    where: { id },
    select: { priceCents: true, maxPriceCents: true },
  });
}

describe("database-level guarantees", () => {
  it("refuses stock below zero, even from raw SQL that skips the application", async () => {
    await expect(
      t.db
        .$executeRaw`UPDATE inventory_level SET "onHand" = "onHand" - 4 WHERE "variantId" = ${variantId}::uuid`,
    ).rejects.toThrow(checkViolation);
    const level = await t.db.inventoryLevel.findUniqueOrThrow({ where: { variantId } });
    expect(level.onHand).toBe(3);
  });

  it("keeps each variant's stock at zero or more, whatever its product's other variants hold", async () => {
    const tee = await t.db.product.create({
      data: {
        slug: "stock-tee",
        name: "Stock Tee",
        priceCents: 2000,
        maxPriceCents: 2000,
        variants: {
          create: [
            { sku: "STOCK-TEE-S", option1: "S", priceCents: 2000, inventory: { create: { onHand: 2 } } },
            { sku: "STOCK-TEE-M", option1: "M", priceCents: 2000, inventory: { create: { onHand: 5 } } },
          ],
        },
      },
      select: { variants: { select: { id: true, sku: true } } },
    });
    const small = tee.variants.find((variant) => variant.sku === "STOCK-TEE-S")!;
    await expect(
      sql(`UPDATE inventory_level SET "onHand" = "onHand" - 3 WHERE "variantId" = $1`, [small.id]),
    ).rejects.toMatchObject({ code: "23514", constraint: "inventory_level_onHand_check" });
    const levels = await t.db.inventoryLevel.findMany({
      where: { variantId: { in: tee.variants.map((variant) => variant.id) } },
      select: { onHand: true },
      orderBy: { onHand: "asc" },
    });
    expect(levels.map((level) => level.onHand)).toEqual([2, 5]);
  });

  it("refuses a negative price, a blank SKU and a compare-at price of zero", async () => {
    await expect(t.db.product.update({ where: { id: productId }, data: { priceCents: -1 } })).rejects.toThrow(
      checkViolation,
    );
    await expect(
      sql(`UPDATE product_variant SET "priceCents" = -1 WHERE id = $1`, [variantId]),
    ).rejects.toMatchObject({ code: "23514", constraint: "product_variant_priceCents_check" });
    await expect(
      sql(`UPDATE product_variant SET sku = '  ' WHERE id = $1`, [variantId]),
    ).rejects.toMatchObject({
      code: "23514",
      constraint: "product_variant_sku_check",
    });
    await expect(
      sql(`UPDATE product_variant SET "compareAtPriceCents" = 0 WHERE id = $1`, [variantId]),
    ).rejects.toMatchObject({ code: "23514", constraint: "product_variant_compareAtPriceCents_check" });
  });

  it("gives a SKU to one variant in the whole shop, and a combination of options to one variant per product", async () => {
    const other = await t.db.product.create({
      data: { slug: "other-mug", name: "Other Mug", priceCents: 900, maxPriceCents: 900 },
    });
    await expect(
      sql(`INSERT INTO product_variant ("productId", sku, "priceCents") VALUES ($1, 'MUG', 900)`, [other.id]),
    ).rejects.toMatchObject({ code: "23505", constraint: "product_variant_sku_key" });
    // Another product may use the same combination (here: no options at all).
    await sql(`INSERT INTO product_variant ("productId", sku, "priceCents") VALUES ($1, 'OTHER-MUG', 900)`, [
      other.id,
    ]);
    await expect(
      sql(`INSERT INTO product_variant ("productId", sku, "priceCents") VALUES ($1, 'OTHER-MUG-2', 900)`, [
        other.id,
      ]),
    ).rejects.toMatchObject({
      code: "23505",
      constraint: "product_variant_productId_option1_option2_option3_key",
    });
  });

  it("keeps a product's price range at the lowest and highest of its active variants", async () => {
    const lamp = await t.db.product.create({
      data: { slug: "range-lamp", name: "Range Lamp", priceCents: 5000, maxPriceCents: 5000 },
    });
    const variant = (sku: string, option1: string, priceCents: number) => ({
      productId: lamp.id,
      sku,
      option1,
      priceCents,
    });
    await t.db.productVariant.createMany({
      data: [variant("RANGE-S", "S", 5000), variant("RANGE-M", "M", 6500), variant("RANGE-L", "L", 8000)],
    });
    expect(await priceRange(lamp.id)).toEqual({ priceCents: 5000, maxPriceCents: 8000 });

    await t.db.productVariant.update({ where: { sku: "RANGE-L" }, data: { priceCents: 9000 } });
    expect(await priceRange(lamp.id)).toEqual({ priceCents: 5000, maxPriceCents: 9000 });

    await t.db.productVariant.update({ where: { sku: "RANGE-S" }, data: { active: false } });
    expect(await priceRange(lamp.id)).toEqual({ priceCents: 6500, maxPriceCents: 9000 });

    await t.db.productVariant.delete({ where: { sku: "RANGE-L" } });
    expect(await priceRange(lamp.id)).toEqual({ priceCents: 6500, maxPriceCents: 6500 });

    // While none is active the range is that of all of them, so the product still has a price.
    await t.db.productVariant.updateMany({ where: { productId: lamp.id }, data: { active: false } });
    expect(await priceRange(lamp.id)).toEqual({ priceCents: 5000, maxPriceCents: 6500 });
  });

  it("refuses an order line with zero quantity or a line total that does not add up", async () => {
    const user = await t.db.user.create({ data: { id: "u1", email: "u1@example.test", name: "U" } });
    const order = await t.db.order.create({
      data: {
        userId: user.id,
        subtotalCents: 0,
        totalCents: 0,
        shipStreet: "s",
        shipCity: "c",
        shipState: "st",
        shipZip: "z",
      },
    });
    const line = {
      orderId: order.id,
      productId,
      variantId,
      sku: "MUG",
      productName: "Mug",
      variantTitle: "Default",
      unitPriceCents: 1200,
    };
    await expect(
      t.db.orderItem.create({ data: { ...line, quantity: 0, lineTotalCents: 0 } }),
    ).rejects.toThrow(checkViolation);
    await expect(
      t.db.orderItem.create({ data: { ...line, quantity: 2, lineTotalCents: 100 } }),
    ).rejects.toThrow(checkViolation);
    await expect(
      t.db.orderItem.create({ data: { ...line, quantity: 2, lineTotalCents: 2400 } }),
    ).resolves.toMatchObject({ quantity: 2 });
  });

  it("numbers orders from a sequence that starts at six digits, and keeps idempotency keys unique per user", async () => {
    const user = await t.db.user.create({ data: { id: "u2", email: "u2@example.test", name: "U" } });
    const base = {
      userId: user.id,
      subtotalCents: 0,
      totalCents: 0,
      shipStreet: "s",
      shipCity: "c",
      shipState: "st",
      shipZip: "z",
    };
    const first = await t.db.order.create({ data: { ...base, idempotencyKey: "k1" } });
    expect(first.number).toBeGreaterThanOrEqual(100001);
    await expect(t.db.order.create({ data: { ...base, idempotencyKey: "k1" } })).rejects.toThrow(
      /Unique constraint/i,
    );
  });

  it("keeps the full-text search column in step with name and description", async () => {
    await t.db.product.update({
      where: { id: productId },
      data: { description: "Stoneware with a speckled glaze" },
    });
    const rows = await t.db.$queryRaw<{ slug: string }[]>`
      SELECT slug FROM product WHERE "searchVector" @@ websearch_to_tsquery('english', 'speckled stoneware')`;
    expect(rows.map((row) => row.slug)).toEqual(["mug"]);
  });
});
