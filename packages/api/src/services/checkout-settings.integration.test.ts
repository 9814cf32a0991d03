import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { shippingPriceCents, tableTaxRates } from "../domain/pricing/index.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { zoneForAddress } from "./shipping-zones.ts";
import { databaseTaxProvider, taxRatesForAddress, taxTableFor } from "./tax-rates.ts";

// Issue 15: staff manage shipping zones, methods, tax rates and the tax-inclusive setting; checkout
// reads the zone of an address and its tax rates through the resolvers tested at the end.

const t = useTestContext({ poolSize: 2 });

async function staffApi() {
  return callerAs(t.services, await createTestUser(t.db, { role: "STAFF" }));
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause as { details?: unknown; issues?: unknown } | undefined;
    return { code: error.code, message: error.message, details: cause?.details ?? cause?.issues };
  }
  throw new Error("the call succeeded");
}

describe("shipping zones and methods", () => {
  it("creates a zone with its regions and methods, lists, edits and deletes them", async () => {
    const api = await staffApi();
    const zone = await api.shipping.createZone({
      name: "Nordics",
      regions: [{ country: "se" }, { country: "NO" }, { country: "DK", state: "" }],
      methods: [
        { name: "Standard", estimate: "2-4 business days", kind: "flat", priceCents: 900 },
        { name: "Free over 100", kind: "free_over", priceCents: 900, thresholdCents: 10_000 },
      ],
    });
    expect(zone).toMatchObject({
      name: "Nordics",
      active: true,
      regions: [
        { country: "DK", state: "" },
        { country: "NO", state: "" },
        { country: "SE", state: "" },
      ],
    });
    expect(zone.methods.map((m) => [m.name, m.kind, m.priceCents, m.thresholdCents, m.position])).toEqual([
      ["Standard", "flat", 900, null, 0],
      ["Free over 100", "free_over", 900, 10_000, 1],
    ]);

    const weight = await api.shipping.createMethod({
      zoneId: zone.id,
      name: "Heavy goods",
      kind: "weight",
      weightTiers: [
        { upToGrams: 1000, priceCents: 500 },
        { upToGrams: null, priceCents: 2000 },
      ],
    });
    expect(weight).toMatchObject({ kind: "weight", priceCents: 0, position: 2, currency: "USD" });

    // A flat method made weight-priced takes tiers; the columns of its old kind are cleared.
    const flat = zone.methods[0]!;
    const changed = await api.shipping.updateMethod({
      id: flat.id,
      kind: "weight",
      weightTiers: [{ upToGrams: null, priceCents: 700 }],
    });
    expect(changed).toMatchObject({
      kind: "weight",
      priceCents: 0,
      weightTiers: [{ upToGrams: null, priceCents: 700 }],
    });
    const renamed = await api.shipping.updateMethod({ id: flat.id, name: "Economy", active: false });
    expect(renamed).toMatchObject({ name: "Economy", active: false, kind: "weight" });

    const edited = await api.shipping.updateZone({
      id: zone.id,
      name: "Scandinavia",
      regions: [{ country: "SE" }, { country: "NO" }, { country: "FI" }],
    });
    expect(edited.name).toBe("Scandinavia");
    expect(edited.regions.map((r) => r.country)).toEqual(["FI", "NO", "SE"]);
    expect((await api.shipping.zones()).find((z) => z.id === zone.id)?.methods).toHaveLength(3);

    expect((await api.shipping.deleteMethod({ id: weight.id })).id).toBe(weight.id);
    expect((await api.shipping.deleteZone({ id: zone.id })).id).toBe(zone.id);
    expect((await api.shipping.zones()).some((z) => z.id === zone.id)).toBe(false);
    expect(await t.db.shippingMethod.count({ where: { zoneId: zone.id } })).toBe(0);
  });

  it("refuses a region another zone has with a 409 naming it and the zone, writing nothing", async () => {
    const api = await staffApi();
    const west = await api.shipping.createZone({
      name: "US West",
      regions: [{ country: "US", state: "CA" }],
    });
    const taken = await refusal(
      api.shipping.createZone({ name: "California again", regions: [{ country: "US", state: "ca" }] }),
    );
    expect(taken).toMatchObject({
      code: "CONFLICT",
      message: 'US-CA (state CA of US) is already in the shipping zone "US West"',
      details: { regions: [{ country: "US", state: "CA", zoneId: west.id, zoneName: "US West" }] },
    });
    expect(await t.db.shippingZone.count({ where: { name: "California again" } })).toBe(0);

    const other = await api.shipping.createZone({
      name: "Mountain",
      regions: [{ country: "US", state: "CO" }],
    });
    const moved = await refusal(
      api.shipping.updateZone({
        id: other.id,
        regions: [
          { country: "US", state: "CO" },
          { country: "US", state: "CA" },
        ],
      }),
    );
    expect(moved.code).toBe("CONFLICT");
    expect(moved.message).toContain('"US West"');
    expect((await api.shipping.zones()).find((z) => z.id === other.id)?.regions).toEqual([
      { country: "US", state: "CO" },
    ]);
    // The whole country is another region than one of its states, and '*' is one more.
    await api.shipping.createZone({ name: "US", regions: [{ country: "US" }] });
    const world = await api.shipping.createZone({ name: "World", regions: [{ country: "*" }] });
    expect(world.regions).toEqual([{ country: "*", state: "" }]);
    expect(
      (await refusal(api.shipping.createZone({ name: "World 2", regions: [{ country: "*" }] }))).message,
    ).toBe('The rest of the world (*) is already in the shipping zone "World"');
  });

  it("refuses bad regions and weight tiers with a 400 naming the field", async () => {
    const api = await staffApi();
    const twice = await refusal(
      api.shipping.createZone({ name: "Twice", regions: [{ country: "FR" }, { country: "fr" }] }),
    );
    expect(twice.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(twice.details)).toContain("FR is listed twice");
    expect(
      JSON.stringify(
        (await refusal(api.shipping.createZone({ name: "X", regions: [{ country: "USA" }] }))).details,
      ),
    ).toContain("two-letter country code");
    expect(
      JSON.stringify(
        (await refusal(api.shipping.createZone({ name: "X", regions: [{ country: "*", state: "CA" }] })))
          .details,
      ),
    ).toContain("has no states");

    const zone = await api.shipping.createZone({ name: "Tiers", regions: [{ country: "JP" }] });
    const descending = await refusal(
      api.shipping.createMethod({
        zoneId: zone.id,
        name: "Weight",
        kind: "weight",
        weightTiers: [
          { upToGrams: 2000, priceCents: 900 },
          { upToGrams: 1000, priceCents: 500 },
        ],
      }),
    );
    expect(descending.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(descending.details)).toContain("must be above the one before");
    const openMiddle = await refusal(
      api.shipping.createMethod({
        zoneId: zone.id,
        name: "Weight",
        kind: "weight",
        weightTiers: [
          { upToGrams: null, priceCents: 900 },
          { upToGrams: 1000, priceCents: 500 },
        ],
      }),
    );
    expect(JSON.stringify(openMiddle.details)).toContain("Only the last weight tier may have no upper bound");
    const noThreshold = await refusal(
      api.shipping.createMethod({ zoneId: zone.id, name: "Free", kind: "free_over", priceCents: 500 }),
    );
    expect(JSON.stringify(noThreshold.details)).toContain("Enter the subtotal from which shipping is free");

    // A patch is checked against the method as it will be.
    const flat = await api.shipping.createMethod({
      zoneId: zone.id,
      name: "Flat",
      kind: "flat",
      priceCents: 500,
    });
    const madeFree = await refusal(api.shipping.updateMethod({ id: flat.id, kind: "free_over" }));
    expect(madeFree).toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter the subtotal from which shipping is free",
    });
    const madeWeight = await refusal(api.shipping.updateMethod({ id: flat.id, kind: "weight" }));
    expect(madeWeight).toMatchObject({ code: "BAD_REQUEST", message: "Add at least one weight tier" });
    expect(await t.db.shippingMethod.count({ where: { zoneId: zone.id } })).toBe(1);

    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await refusal(api.shipping.updateZone({ id: unknown, name: "Y" }))).code).toBe("NOT_FOUND");
    expect((await refusal(api.shipping.deleteZone({ id: unknown }))).code).toBe("NOT_FOUND");
    expect(
      (await refusal(api.shipping.createMethod({ zoneId: unknown, name: "M", kind: "flat", priceCents: 1 })))
        .code,
    ).toBe("NOT_FOUND");
    expect((await refusal(api.shipping.updateMethod({ id: unknown, name: "M" }))).code).toBe("NOT_FOUND");
    expect((await refusal(api.shipping.deleteMethod({ id: unknown }))).code).toBe("NOT_FOUND");
  });

  it("matches an address to its state's zone, else its country's, else the rest of the world's", async () => {
    const api = await staffApi();
    await t.db.shippingZone.deleteMany({});
    const texas = await api.shipping.createZone({
      name: "Texas",
      regions: [{ country: "US", state: "TX" }],
      methods: [{ name: "Local", kind: "flat", priceCents: 300 }],
    });
    const us = await api.shipping.createZone({
      name: "USA",
      regions: [{ country: "US" }],
      methods: [
        { name: "Standard", kind: "free_over", priceCents: 500, thresholdCents: 7500 },
        { name: "Hidden", kind: "flat", priceCents: 1, active: false },
      ],
    });
    const world = await api.shipping.createZone({
      name: "World",
      regions: [{ country: "*" }],
      methods: [{ name: "International", kind: "flat", priceCents: 2500 }],
    });

    expect((await zoneForAddress(t.db, { country: "US", state: "TX" }))?.id).toBe(texas.id);
    expect((await zoneForAddress(t.db, { country: " us ", state: "tx" }))?.id).toBe(texas.id);
    const california = await zoneForAddress(t.db, { country: "US", state: "CA" });
    expect(california?.id).toBe(us.id);
    expect(california?.methods.map((m) => m.name)).toEqual(["Standard"]);
    expect(california?.methods[0]?.rate).toEqual({
      type: "free_over",
      priceCents: 500,
      thresholdCents: 7500,
    });
    const rate = california?.methods[0]?.rate;
    expect(rate && shippingPriceCents(rate, { subtotalAfterDiscountCents: 8000, weightGrams: null })).toBe(0);
    expect((await zoneForAddress(t.db, { country: "JP", state: "13" }))?.id).toBe(world.id);
    expect(await zoneForAddress(t.db, { country: "United States" })).toBeNull();

    // An inactive zone serves no one: its addresses fall to the next match.
    await api.shipping.updateZone({ id: texas.id, active: false });
    expect((await zoneForAddress(t.db, { country: "US", state: "TX" }))?.id).toBe(us.id);
    await api.shipping.deleteZone({ id: world.id });
    expect(await zoneForAddress(t.db, { country: "JP" })).toBeNull();
  });
});

describe("tax rates and the tax-inclusive setting", () => {
  it("upserts rates by country and state, lists and deletes them; checkout reads an address's rates", async () => {
    const api = await staffApi();
    const state = await api.tax.upsertRate({
      country: "us",
      state: "ny",
      name: "New York",
      ratePpm: 40_000,
      shippingRatePpm: 40_000,
    });
    expect(state).toMatchObject({ country: "US", state: "NY", ratePpm: 40_000, shippingRatePpm: 40_000 });
    const replaced = await api.tax.upsertRate({
      country: "US",
      state: "NY",
      name: "New York sales tax",
      ratePpm: 45_000,
    });
    expect(replaced).toMatchObject({
      id: state.id,
      name: "New York sales tax",
      ratePpm: 45_000,
      shippingRatePpm: null,
    });
    await api.tax.upsertRate({ country: "US", state: "OR", name: "Oregon", ratePpm: 0 });
    await api.tax.upsertRate({ country: "CA", name: "GST", ratePpm: 50_000, shippingRatePpm: 50_000 });
    await api.tax.upsertRate({ country: "CA", state: "QC", name: "GST + QST", ratePpm: 149_750 });

    expect((await api.tax.rates({ country: "US" })).map((r) => r.state)).toEqual(["NY", "OR"]);
    expect((await api.tax.rates()).map((r) => `${r.country}-${r.state}`)).toEqual([
      "CA-",
      "CA-QC",
      "US-NY",
      "US-OR",
    ]);

    expect(await taxRatesForAddress(t.db, { country: "US", state: "NY" })).toEqual({
      ratePpm: 45_000,
      shippingRatePpm: 0,
    });
    expect(await taxRatesForAddress(t.db, { country: "US", state: "TX" })).toEqual({
      ratePpm: 0,
      shippingRatePpm: 0,
    });
    // A province without its own shipping rate takes the country's.
    expect(await taxRatesForAddress(t.db, { country: "ca", state: "qc" })).toEqual({
      ratePpm: 149_750,
      shippingRatePpm: 50_000,
    });
    expect(await taxRatesForAddress(t.db, { country: "CA", state: "ON" })).toEqual({
      ratePpm: 50_000,
      shippingRatePpm: 50_000,
    });
    expect(await taxRatesForAddress(t.db, { country: "FR" })).toEqual({ ratePpm: 0, shippingRatePpm: 0 });
    const table = await taxTableFor(t.db, "CA");
    expect(tableTaxRates(table, { country: "CA", region: "QC" })).toEqual({
      ratePpm: 149_750,
      shippingRatePpm: 50_000,
    });
    const rates = await databaseTaxProvider(t.db).ratesFor([], { country: "US", region: "NY" });
    expect(rates.shippingRatePpm).toBe(0);

    expect(
      (await refusal(api.tax.upsertRate({ country: "US", state: "TX", name: "Texas", ratePpm: 1_000_001 })))
        .code,
    ).toBe("BAD_REQUEST");
    expect((await refusal(api.tax.upsertRate({ country: "USA", name: "X", ratePpm: 1 }))).code).toBe(
      "BAD_REQUEST",
    );
    expect((await api.tax.deleteRate({ id: state.id })).id).toBe(state.id);
    expect((await refusal(api.tax.deleteRate({ id: state.id }))).code).toBe("NOT_FOUND");
    expect(await taxRatesForAddress(t.db, { country: "US", state: "NY" })).toEqual({
      ratePpm: 0,
      shippingRatePpm: 0,
    });
  });

  it("toggles the tax-inclusive setting", async () => {
    const api = await staffApi();
    expect((await api.tax.settings()).taxInclusive).toBe(false);
    expect((await api.tax.updateSettings({ taxInclusive: true })).taxInclusive).toBe(true);
    expect((await api.tax.settings()).taxInclusive).toBe(true);
    expect(await t.db.shopSettings.count()).toBe(1);
    expect((await api.tax.updateSettings({ taxInclusive: false })).taxInclusive).toBe(false);
  });

  it("is staff only: anonymous callers are 401, customers 403", async () => {
    const customer = callerAs(t.services, await createTestUser(t.db, { role: "CUSTOMER" }));
    const anonymous = callerAs(t.services, null);
    for (const api of [customer, anonymous]) {
      const expected = api === customer ? "FORBIDDEN" : "UNAUTHORIZED";
      expect((await refusal(api.shipping.zones())).code).toBe(expected);
      expect((await refusal(api.shipping.createZone({ name: "Z" }))).code).toBe(expected);
      expect((await refusal(api.tax.rates())).code).toBe(expected);
      expect((await refusal(api.tax.updateSettings({ taxInclusive: true }))).code).toBe(expected);
    }
  });
});
