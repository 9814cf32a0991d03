import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

// Issue 14: the variant is what is bought, stocked, priced and ordered, with every guarantee a
// product had: no oversell under concurrency, a ledger that sums, one price per line.

const t = useTestContext({ poolSize: 20 });
let shopper: SessionUser;
let staff: SessionUser;

beforeAll(async () => {
  shopper = await createTestUser(t.db);
  staff = await createTestUser(t.db, { role: "STAFF" });
});

let counter = 0;
/** A tee in S/M/L × Black/White: 6 variants, each `stock` units, M costing more. */
async function createTee(stock = 10) {
  counter += 1;
  const sizes = ["S", "M", "L"];
  const colours = ["Black", "White"];
  return callerAs(t.services, staff).product.create({
    name: `Variant Tee ${counter}`,
    slug: `variant-tee-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    options: [
      { name: "Size", values: sizes },
      { name: "Colour", values: colours },
    ],
    variants: sizes.flatMap((size) =>
      colours.map((colour) => ({
        options: { Size: size, Colour: colour },
        priceCents: size === "M" ? 2500 : 2000,
        stock,
      })),
    ),
  });
}

const onHand = async (variantId: string) =>
  (await t.db.inventoryLevel.findUniqueOrThrow({ where: { variantId } })).onHand;
const ledgerSum = async (variantId: string) =>
  (await t.db.stockMovement.aggregate({ where: { variantId }, _sum: { delta: true } }))._sum.delta ?? 0;

describe("a product with options and variants", () => {
  it("is created in one call with its options, variants, SKUs, price range and summed stock", async () => {
    const tee = await createTee(3);
    expect(tee.options).toEqual([
      { name: "Size", values: ["S", "M", "L"] },
      { name: "Colour", values: ["Black", "White"] },
    ]);
    expect(tee.variants.map((variant) => variant.title)).toEqual([
      "S / Black",
      "S / White",
      "M / Black",
      "M / White",
      "L / Black",
      "L / White",
    ]);
    expect(tee.variants[2]).toMatchObject({
      sku: `${tee.slug.toUpperCase()}-M-BLACK`,
      options: { Size: "M", Colour: "Black" },
      priceCents: 2500,
      stock: 3,
      active: true,
    });
    expect([tee.priceCents, tee.maxPriceCents, tee.stock, tee.inStock]).toEqual([2000, 2500, 18, true]);
    const read = await callerAs(t.services, null).product.byId({ id: tee.id });
    expect(read.variants).toEqual(tee.variants);
  });

  it("refuses variants that do not fit the options (400), and a SKU or combination another variant has (409 naming it)", async () => {
    const caller = callerAs(t.services, staff);
    await expect(
      caller.product.create({
        name: "Bad Tee",
        options: [{ name: "Size", values: ["S", "M"] }],
        variants: [
          { options: { Size: "S" }, priceCents: 100 },
          { options: { Size: "S" }, priceCents: 100 },
          { options: { Size: "XL" }, priceCents: 100 },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const tee = await createTee();
    await expect(
      caller.product.create({
        name: "Copy",
        priceCents: 100,
        variants: [{ sku: tee.variants[0]!.sku, priceCents: 100 }],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: `SKU ${tee.variants[0]!.sku} is already in use` });
    const other = await createTee();
    await expect(
      caller.product.create({
        name: "Two Taken",
        options: [{ name: "Size", values: ["S", "M", "L"] }],
        variants: [
          { sku: "FRESH-SKU-S", options: { Size: "S" }, priceCents: 100 },
          { sku: other.variants[0]!.sku, options: { Size: "M" }, priceCents: 100 },
          { sku: other.variants[1]!.sku, options: { Size: "L" }, priceCents: 100 },
        ],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { skus: expect.arrayContaining([other.variants[0]!.sku, other.variants[1]!.sku]) } },
    });
    await expect(
      caller.product.updateVariant({
        id: tee.variants[1]!.id,
        patch: { options: { Size: "S", Colour: "Black" } },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "The product already has a S / Black variant" });
    await expect(
      caller.product.updateVariant({ id: tee.variants[1]!.id, patch: { sku: tee.variants[0]!.sku } }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: `SKU ${tee.variants[0]!.sku} is already in use` });
  });

  it("asks which variant a product-only line means, naming the choices, and sells a single-variant product by its id", async () => {
    const tee = await createTee();
    const order = callerAs(t.services, shopper).order.create({
      items: [{ productId: tee.id, quantity: 1 }],
      shippingAddress: TEST_ADDRESS,
    });
    await expect(order).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a variant",
      cause: {
        details: {
          productId: tee.id,
          variants: tee.variants.map((variant) => ({ id: variant.id, title: variant.title })),
        },
      },
    });
    await expect(callerAs(t.services, shopper).cart.add({ productId: tee.id })).rejects.toMatchObject({
      message: "Choose a variant",
    });
    const plain = await callerAs(t.services, staff).product.create({
      name: "Plain Mug",
      priceCents: 900,
      stock: 2,
    });
    const bought = await callerAs(t.services, shopper).order.create({
      items: [{ productId: plain.id, quantity: 2 }],
      shippingAddress: TEST_ADDRESS,
    });
    expect(bought.items).toMatchObject([
      { variantId: plain.variants[0]!.id, variantTitle: "Default", quantity: 2 },
    ]);
  });

  it("prices each line at its variant, snapshots SKU and title, and says which variant is short", async () => {
    const tee = await createTee(2);
    const [small, medium] = [tee.variants[0]!, tee.variants[2]!];
    const order = await callerAs(t.services, shopper).order.create({
      items: [
        { variantId: small.id, quantity: 1 },
        { variantId: medium.id, quantity: 2 },
      ],
      shippingAddress: TEST_ADDRESS,
    });
    expect(order.totalCents).toBe(2000 + 2 * 2500);
    expect(order.items).toMatchObject([
      { variantId: medium.id, sku: medium.sku, variantTitle: "M / Black", unitPriceCents: 2500, quantity: 2 },
      { variantId: small.id, sku: small.sku, variantTitle: "S / Black", unitPriceCents: 2000, quantity: 1 },
    ]);
    await expect(
      callerAs(t.services, shopper).order.create({
        items: [{ variantId: medium.id, quantity: 1 }],
        shippingAddress: TEST_ADDRESS,
      }),
    ).rejects.toMatchObject({
      message: "Insufficient inventory",
      cause: {
        details: { productId: tee.id, variantId: medium.id, sku: medium.sku, available: 0, requested: 1 },
      },
    });
    // The shopper's order history lists what each order sold, by variant.
    const [listed] = (await callerAs(t.services, shopper).order.listMine({ limit: 1 })).orders;
    expect(listed).toMatchObject({
      id: order.id,
      itemCount: 2,
      items: [
        { variantId: medium.id, sku: medium.sku, variantTitle: "M / Black", quantity: 2 },
        { variantId: small.id, sku: small.sku, variantTitle: "S / Black", quantity: 1 },
      ],
    });
    const read = await callerAs(t.services, null).product.byId({ id: tee.id });
    expect(read.variants.map((variant) => variant.stock)).toEqual([1, 2, 0, 2, 2, 2]);
    expect(read.stock).toBe(9);
  });

  it("sells exactly one variant's stock under 200 concurrent orders for 20 units of it, and leaves its siblings alone", async () => {
    const tee = await createTee(20);
    const target = tee.variants[3]!;
    const users = await Promise.all(Array.from({ length: 20 }, () => createTestUser(t.db)));
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        callerAs(t.services, users[i % 20]!).order.create({
          items: [{ variantId: target.id, quantity: 1 }],
          shippingAddress: TEST_ADDRESS,
        }),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    for (const rejection of rejected)
      expect(rejection.reason).toMatchObject({ code: "BAD_REQUEST", message: "Insufficient inventory" });
    expect(await onHand(target.id)).toBe(0);
    expect(await ledgerSum(target.id)).toBe(0);
    for (const sibling of tee.variants.filter((variant) => variant.id !== target.id)) {
      expect(await onHand(sibling.id)).toBe(20);
      expect(await ledgerSum(sibling.id)).toBe(20);
    }
  });

  it("sells variants of one product mixed in one order, in any line order, without deadlocks or oversell", async () => {
    const tee = await createTee(15);
    const [a, b] = [tee.variants[0]!, tee.variants[5]!];
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        callerAs(t.services, shopper).order.create({
          items:
            i % 2
              ? [
                  { variantId: a.id, quantity: 1 },
                  { variantId: b.id, quantity: 1 },
                ]
              : [
                  { variantId: b.id, quantity: 1 },
                  { variantId: a.id, quantity: 1 },
                ],
          shippingAddress: TEST_ADDRESS,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(15);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ message: "Insufficient inventory" });
    expect([await onHand(a.id), await onHand(b.id)]).toEqual([0, 0]);
    expect([await ledgerSum(a.id), await ledgerSum(b.id)]).toEqual([0, 0]);
  });

  it("adjusts one variant's stock (and a single-variant product's by its id), with the ledger per variant", async () => {
    const tee = await createTee(5);
    const caller = callerAs(t.services, staff);
    const level = await caller.inventory.adjust({
      variantId: tee.variants[1]!.id,
      delta: 4,
      reason: "restock",
    });
    expect(level).toMatchObject({ productId: tee.id, variantId: tee.variants[1]!.id, onHand: 9, delta: 4 });
    await expect(
      caller.inventory.adjust({ productId: tee.id, delta: 1, reason: "restock" }),
    ).rejects.toMatchObject({
      message: "Choose a variant",
    });
    const { movements } = await caller.inventory.movements({ variantId: tee.variants[1]!.id });
    expect(movements.map((movement) => [movement.delta, movement.variantTitle])).toEqual([
      [4, "S / White"],
      [5, "S / White"],
    ]);
    const { levels } = await caller.inventory.levels({ q: tee.variants[1]!.sku });
    expect(levels).toMatchObject([{ variantId: tee.variants[1]!.id, variantTitle: "S / White", onHand: 9 }]);
    const ofProduct = await caller.inventory.levels({ productId: tee.id, limit: 100 });
    expect(ofProduct.levels.map((level) => level.variantId).sort()).toEqual(
      tee.variants.map((variant) => variant.id).sort(),
    );
  });

  it("turns a default-variant product into a product with options, keeping its variant as the first combination", async () => {
    const caller = callerAs(t.services, staff);
    const plain = await caller.product.create({ name: "Plain Cap", priceCents: 1800, stock: 4 });
    const after = await caller.product.setOptions({
      productId: plain.id,
      options: [{ name: "Colour", values: ["Olive", "Tan"] }],
      generate: true,
    });
    expect(after.variants).toMatchObject([
      { id: plain.variants[0]!.id, title: "Olive", stock: 4, priceCents: 1800 },
      { title: "Tan", stock: 0, priceCents: 1800, sku: `${plain.slug.toUpperCase()}-TAN` },
    ]);
    const tan = after.variants[1]!;
    const repriced = await caller.product.updateVariant({
      id: tan.id,
      patch: { priceCents: 2200, active: true },
    });
    expect([repriced.priceCents, repriced.maxPriceCents]).toEqual([1800, 2200]);
    const retired = await caller.product.updateVariant({
      id: plain.variants[0]!.id,
      patch: { active: false },
    });
    expect([retired.priceCents, retired.maxPriceCents, retired.stock]).toEqual([2200, 2200, 0]);
    await expect(caller.product.update({ id: plain.id, patch: { priceCents: 100 } })).rejects.toMatchObject({
      message: "This product has several variants: set each variant's price",
    });
    const found = await caller.product.variantBySku({ sku: tan.sku });
    expect(found.variant.id).toBe(tan.id);
  });

  it("lets two staff generate variants of one product at once: one set of options, every combination once", async () => {
    const caller = callerAs(t.services, staff);
    const plain = await caller.product.create({ name: "Racing Cap", priceCents: 1500, stock: 1 });
    const options = [
      { name: "Size", values: ["S", "M"] },
      { name: "Colour", values: ["Olive", "Tan", "Black"] },
    ];
    const results = await Promise.allSettled([
      caller.product.setOptions({ productId: plain.id, options, generate: true }),
      caller.product.setOptions({ productId: plain.id, options, generate: true }),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    const read = await caller.product.byId({ id: plain.id });
    expect(read.options).toEqual(options);
    expect(read.variants.map((variant) => variant.title).sort()).toEqual(
      ["S / Olive", "S / Tan", "S / Black", "M / Olive", "M / Tan", "M / Black"].sort(),
    );
  });

  it("shows a price change of one variant on the next cached read, and a sale of it in the product's stock", async () => {
    const tee = await createTee(4);
    const anonymous = callerAs(t.services, null);
    await anonymous.product.byId({ id: tee.id });
    await callerAs(t.services, staff).product.updateVariant({
      id: tee.variants[0]!.id,
      patch: { priceCents: 1500 },
    });
    const repriced = await anonymous.product.byId({ id: tee.id });
    expect(repriced.variants[0]!.priceCents).toBe(1500);
    expect(repriced.priceCents).toBe(1500);
    await callerAs(t.services, shopper).order.create({
      items: [{ variantId: tee.variants[4]!.id, quantity: 3 }],
      shippingAddress: TEST_ADDRESS,
    });
    const sold = await anonymous.product.byId({ id: tee.id });
    expect(sold.variants[4]!.stock).toBe(1);
    expect(sold.stock).toBe(21);
    const [listed] = (await anonymous.product.list({ q: tee.name })).products;
    expect(listed).toMatchObject({
      id: tee.id,
      stock: 21,
      inStock: true,
      priceCents: 1500,
      maxPriceCents: 2500,
    });
  });
});
