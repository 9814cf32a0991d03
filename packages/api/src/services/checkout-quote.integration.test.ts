import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { InvalidInputError, NoShippingMethodError, PromotionNotApplicableError } from "../errors.ts";
import { restErrorOf } from "../rest/error-body.ts";
import { CreateShippingZoneInput, UpsertTaxRateInput } from "../schemas/checkout-settings.ts";
import { CreatePromotionInput } from "../schemas/promotion.ts";
import { callerAs, createTestProduct, createTestUser, useTestContext } from "../testing.ts";
import { quoteCheckout } from "./checkout-quote.ts";
import { createPromotion } from "./promotions.ts";
import { createShippingZone } from "./shipping-zones.ts";
import { updateShopSettings } from "./shop-settings.ts";
import { upsertTaxRate } from "./tax-rates.ts";

const t = useTestContext();
const now = new Date();
const viewer = { now };
let shopper: SessionUser;
let mug: { id: string; variantId: string };
let plate: { id: string; variantId: string };
let methodIds: Record<"standard" | "economy" | "express" | "euro", string>;

const address = (state: string, country = "US") => ({
  street: "1 Test Street",
  city: "Somewhere",
  state,
  zip: "00000",
  country,
});

beforeAll(async () => {
  shopper = await createTestUser(t.db);
  mug = await createTestProduct(t.db, { priceCents: 2000 });
  plate = await createTestProduct(t.db, { priceCents: 1500 });
  const zone = await createShippingZone(
    t.db,
    CreateShippingZoneInput.parse({
      name: "United States",
      regions: [{ country: "US" }],
      methods: [
        { name: "Standard", estimate: "3-5 days", kind: "flat", priceCents: 500 },
        { name: "Economy", estimate: "5-8 days", kind: "free_over", priceCents: 799, thresholdCents: 5000 },
        {
          name: "Express",
          estimate: "1 day",
          kind: "weight",
          weightTiers: [
            { upToGrams: 1000, priceCents: 1500 },
            { upToGrams: null, priceCents: 2500 },
          ],
        },
        { name: "Euro post", kind: "flat", priceCents: 100, currency: "EUR" },
      ],
    }),
  );
  const idOf = (name: string) => zone.methods.find((method) => method.name === name)!.id;
  methodIds = {
    standard: idOf("Standard"),
    economy: idOf("Economy"),
    express: idOf("Express"),
    euro: idOf("Euro post"),
  };
  await upsertTaxRate(
    t.db,
    UpsertTaxRateInput.parse({
      country: "US",
      state: "CA",
      name: "CA",
      ratePpm: 72_500,
      shippingRatePpm: 72_500,
    }),
  );
});

/** Each amount of the quote is the sum of its parts. */
function expectConsistent(quote: Awaited<ReturnType<typeof quoteCheckout>>) {
  const sum = (pick: (line: (typeof quote.lines)[number]) => number) =>
    quote.lines.reduce((acc, line) => acc + pick(line), 0);
  expect(sum((line) => line.unitPrice * line.quantity)).toBe(quote.subtotal);
  const shippingPaid = quote.total - sum((line) => line.lineTotal);
  expect(shippingPaid).toBeGreaterThanOrEqual(0);
  expect(quote.total).toBe(
    quote.subtotal - quote.discount + quote.shipping + (quote.taxIncluded ? 0 : quote.tax),
  );
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error("expected the quote to be refused");
    },
    (error: unknown) => error,
  );
}

describe("quoteCheckout", () => {
  it("offers the zone's methods in the cart's currency, cheapest first, and picks the cheapest", async () => {
    const quote = await quoteCheckout(
      t.db,
      { items: [{ variantId: mug.variantId, quantity: 1 }], shippingAddress: address("OR") },
      viewer,
    );
    // Express is weight-based and the variants have no weight; Euro post is in another currency.
    expect(quote.shippingMethods).toEqual([
      { id: methodIds.standard, name: "Standard", price: 500, estimate: "3-5 days" },
      { id: methodIds.economy, name: "Economy", price: 799, estimate: "5-8 days" },
    ]);
    expect(quote).toMatchObject({
      currency: "USD",
      subtotal: 2000,
      discount: 0,
      shipping: 500,
      tax: 0,
      total: 2500,
      taxIncluded: false,
      shippingMethodId: methodIds.standard,
      promotion: null,
    });
    expect(quote.lines).toEqual([
      {
        variantId: mug.variantId,
        productId: mug.id,
        quantity: 1,
        unitPrice: 2000,
        discount: 0,
        tax: 0,
        lineTotal: 2000,
      },
    ]);
    expectConsistent(quote);
  });

  it("ships free over the free-over threshold, and takes a requested method", async () => {
    const items = [{ productId: mug.id, quantity: 3 }];
    const free = await quoteCheckout(t.db, { items, shippingAddress: address("OR") }, viewer);
    expect(free.shippingMethods.map(({ name, price }) => [name, price])).toEqual([
      ["Economy", 0],
      ["Standard", 500],
    ]);
    expect(free).toMatchObject({
      subtotal: 6000,
      shipping: 0,
      total: 6000,
      shippingMethodId: methodIds.economy,
    });

    const standard = await quoteCheckout(
      t.db,
      { items, shippingAddress: address("OR"), shippingMethodId: methodIds.standard },
      viewer,
    );
    expect(standard).toMatchObject({ shipping: 500, total: 6500, shippingMethodId: methodIds.standard });
  });

  it("offers a weight-based method once every variant has a weight", async () => {
    const light = await createTestProduct(t.db, { priceCents: 1000 });
    await t.db.productVariant.update({ where: { id: light.variantId }, data: { weightGrams: 400 } });
    const items = [{ variantId: light.variantId, quantity: 3 }];
    const quote = await quoteCheckout(
      t.db,
      { items, shippingAddress: address("OR"), shippingMethodId: methodIds.express },
      viewer,
    );
    // 1200 g is over the first tier.
    expect(quote.shippingMethods.find((method) => method.id === methodIds.express)?.price).toBe(2500);
    expect(quote).toMatchObject({ shipping: 2500, total: 5500 });
  });

  it("taxes by the address's state: lines and shipping at California's rate, Oregon untaxed", async () => {
    const items = [
      { variantId: mug.variantId, quantity: 1 },
      { variantId: plate.variantId, quantity: 1 },
    ];
    const california = await quoteCheckout(t.db, { items, shippingAddress: address("CA") }, viewer);
    // 7.25% of 2000 = 145, of 1500 = 108.75 -> 109, of shipping 500 = 36.25 -> 36.
    expect(california.lines.map((line) => line.tax)).toEqual([145, 109]);
    expect(california.lines.map((line) => line.lineTotal)).toEqual([2145, 1609]);
    expect(california).toMatchObject({ subtotal: 3500, shipping: 500, tax: 290, total: 4290 });
    expectConsistent(california);

    const oregon = await quoteCheckout(t.db, { items, shippingAddress: address("OR") }, viewer);
    expect(oregon).toMatchObject({ subtotal: 3500, tax: 0, total: 4000 });
  });

  it("spreads a percentage code over the lines, which add up to the totals", async () => {
    const odd = await createTestProduct(t.db, { priceCents: 333 });
    const other = await createTestProduct(t.db, { priceCents: 667 });
    await createPromotion(
      t.db,
      CreatePromotionInput.parse({
        code: "QUOTE-15",
        description: "15% off",
        type: "percentage",
        value: 150_000,
      }),
    );
    const quote = await quoteCheckout(
      t.db,
      {
        items: [
          { variantId: odd.variantId, quantity: 1 },
          { variantId: other.variantId, quantity: 2 },
          { variantId: odd.variantId, quantity: 2 },
        ],
        shippingAddress: address("CA"),
        promotionCode: "  quote-15 ",
      },
      viewer,
    );
    // Lines are added up per variant, as an order's are: 3 × 3.33 and 2 × 6.67 = 23.33.
    expect(quote.lines.map(({ variantId, quantity }) => [variantId, quantity])).toEqual([
      [odd.variantId, 3],
      [other.variantId, 2],
    ]);
    expect(quote.subtotal).toBe(2333);
    expect(quote.discount).toBe(350); // 15% of 2333 = 349.95
    expect(quote.lines.reduce((sum, line) => sum + line.discount, 0)).toBe(quote.discount);
    expect(quote.lines.every((line) => line.discount > 0)).toBe(true);
    expect(quote.promotion).toEqual({ code: "QUOTE-15", description: "15% off" });
    expectConsistent(quote);
  });

  it("waives the shipping with a free-shipping code, counted in the discount", async () => {
    await createPromotion(t.db, CreatePromotionInput.parse({ code: "SHIPFREE-Q", type: "free_shipping" }));
    const quote = await quoteCheckout(
      t.db,
      {
        items: [{ variantId: mug.variantId, quantity: 1 }],
        shippingAddress: address("OR"),
        promotionCode: "SHIPFREE-Q",
      },
      viewer,
    );
    expect(quote).toMatchObject({ subtotal: 2000, shipping: 500, discount: 500, total: 2000 });
    expect(quote.lines[0]?.discount).toBe(0);
    expectConsistent(quote);
  });

  it("in a tax-inclusive shop shows the tax inside the prices and does not add it", async () => {
    await updateShopSettings(t.db, { taxInclusive: true });
    try {
      const quote = await quoteCheckout(
        t.db,
        { items: [{ variantId: mug.variantId, quantity: 1 }], shippingAddress: address("CA") },
        viewer,
      );
      // 2000 × 0.0725 / 1.0725 = 135.20 -> 135; 500 likewise 33.80 -> 34.
      expect(quote).toMatchObject({
        subtotal: 2000,
        shipping: 500,
        tax: 169,
        total: 2500,
        taxIncluded: true,
      });
      expect(quote.lines[0]).toMatchObject({ tax: 135, lineTotal: 2000 });
      expectConsistent(quote);
    } finally {
      await updateShopSettings(t.db, { taxInclusive: false });
    }
  });

  it("refuses an address no method serves: 400 No shipping method for this address", async () => {
    const error = await failure(
      quoteCheckout(
        t.db,
        { items: [{ variantId: mug.variantId, quantity: 1 }], shippingAddress: address("13", "JP") },
        viewer,
      ),
    );
    expect(error).toBeInstanceOf(NoShippingMethodError);
    expect(restErrorOf(error, "r1")).toEqual({
      status: 400,
      body: { error: "No shipping method for this address" },
    });
  });

  it("refuses a code that cannot be used, naming the code and the reason", async () => {
    await createPromotion(
      t.db,
      CreatePromotionInput.parse({
        code: "BIG-ONLY",
        type: "fixed",
        value: 1000,
        minimumSubtotalCents: 100_000,
      }),
    );
    const items = [{ variantId: mug.variantId, quantity: 1 }];
    const minimum = await failure(
      quoteCheckout(t.db, { items, shippingAddress: address("OR"), promotionCode: "big-only" }, viewer),
    );
    expect(minimum).toBeInstanceOf(PromotionNotApplicableError);
    expect(restErrorOf(minimum, "r2")).toEqual({
      status: 400,
      body: { error: "Promotion not applicable", details: { code: "BIG-ONLY", reason: "minimum_not_met" } },
    });
    const unknown = await failure(
      quoteCheckout(t.db, { items, shippingAddress: address("OR"), promotionCode: "NO-SUCH" }, viewer),
    );
    expect((unknown as PromotionNotApplicableError).reason).toBe("not_found");
  });

  it("refuses a shipping method that is unknown or not offered, naming shippingMethodId", async () => {
    const items = [{ variantId: mug.variantId, quantity: 1 }];
    for (const shippingMethodId of [
      "6f1c2b9e-0000-4000-8000-000000000000",
      methodIds.express, // weight-based, and the mug has no weight
      methodIds.euro, // another currency
    ]) {
      const error = await failure(
        quoteCheckout(t.db, { items, shippingAddress: address("OR"), shippingMethodId }, viewer),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(restErrorOf(error, "r3")).toMatchObject({
        status: 400,
        body: { details: { shippingMethodId } },
      });
    }
  });

  it("refuses what placing the order refuses: an archived product is not found", async () => {
    const archived = await createTestProduct(t.db, { active: false });
    const error = await failure(
      quoteCheckout(
        t.db,
        { items: [{ productId: archived.id, quantity: 1 }], shippingAddress: address("OR") },
        viewer,
      ),
    );
    expect(restErrorOf(error, "r4")).toMatchObject({ status: 404, body: { error: "Product not found" } });
  });
});

describe("checkout.quote", () => {
  const input = {
    items: [{ variantId: "", quantity: 1 }],
    shippingAddress: address("OR"),
  };

  it("answers guests and signed-in shoppers alike", async () => {
    const items = [{ variantId: mug.variantId, quantity: 1 }];
    const guest = await callerAs(t.services, null).checkout.quote({ ...input, items });
    const signedIn = await callerAs(t.services, shopper).checkout.quote({ ...input, items });
    expect(guest).toEqual(signedIn);
    expect(guest.total).toBe(2500);
  });

  it("maps the refusals to BAD_REQUEST", async () => {
    const items = [{ variantId: mug.variantId, quantity: 1 }];
    await expect(
      callerAs(t.services, null).checkout.quote({ items, shippingAddress: address("13", "JP") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "No shipping method for this address" });
    await expect(
      callerAs(t.services, null).checkout.quote({ ...input, items, promotionCode: "x".repeat(41) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
