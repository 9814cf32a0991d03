import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// Issue 15, staff REST routes of shipping zones, methods, tax rates and the tax-inclusive setting, in
// major units (5.00 for 500 cents) and percent (8.875 for 88_750 ppm).

interface RestMethod {
  id: string;
  zoneId: string;
  name: string;
  kind: string;
  price: number;
  threshold: number | null;
  weightTiers: { upToGrams: number | null; price: number }[] | null;
  currency: string;
}
interface RestZone {
  id: string;
  name: string;
  regions: { country: string; state: string }[];
  methods: RestMethod[];
}
interface RestError {
  error: string;
  details?: unknown;
}

let t: TestApp;
let staff: HttpClient;
let shopper: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  ({ client: staff } = await signedInAs(t, "STAFF"));
  ({ client: shopper } = await signedInAs(t, "CUSTOMER"));
});
afterAll(() => t.close());

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("REST shipping zones and methods", () => {
  it("creates a zone with methods in major units (201), lists, edits and deletes it", async () => {
    const created = await staff.request<RestZone>("POST", "/api/shipping-zones", {
      json: {
        name: "Canada",
        regions: [{ country: "ca" }],
        methods: [
          { name: "Standard", estimate: "4-7 business days", kind: "free_over", price: 9, threshold: 100 },
          {
            name: "By weight",
            kind: "weight",
            weightTiers: [
              { upToGrams: 1000, price: 8.5 },
              { upToGrams: null, price: 19.99 },
            ],
          },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: "Canada", regions: [{ country: "CA", state: "" }] });
    expect(created.body.methods.map((m) => [m.name, m.kind, m.price, m.threshold, m.weightTiers])).toEqual([
      ["Standard", "free_over", 9, 100, null],
      [
        "By weight",
        "weight",
        0,
        null,
        [
          { upToGrams: 1000, price: 8.5 },
          { upToGrams: null, price: 19.99 },
        ],
      ],
    ]);
    // Stored in cents.
    const row = await t.db.shippingMethod.findFirst({
      where: { zoneId: created.body.id, kind: "free_over" },
    });
    expect(row).toMatchObject({ priceCents: 900, thresholdCents: 10_000 });

    const zoneId = created.body.id;
    const method = await staff.request<RestMethod>("POST", `/api/shipping-zones/${zoneId}/methods`, {
      json: { name: "Express", estimate: "1-2 business days", kind: "flat", price: 15 },
    });
    expect(method.status).toBe(201);
    expect(method.body).toMatchObject({ zoneId, kind: "flat", price: 15, currency: "USD" });

    const patched = await staff.request<RestMethod>("PATCH", `/api/shipping-methods/${method.body.id}`, {
      json: { price: 12.5, kind: "free_over", threshold: 150 },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ kind: "free_over", price: 12.5, threshold: 150 });

    const renamed = await staff.request<RestZone>("PATCH", `/api/shipping-zones/${zoneId}`, {
      json: { name: "Canada and Mexico", regions: [{ country: "CA" }, { country: "MX" }] },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.regions.map((r) => r.country)).toEqual(["CA", "MX"]);

    const list = await staff.request<{ zones: RestZone[] }>("GET", "/api/shipping-zones");
    expect(list.status).toBe(200);
    expect(list.body.zones.find((z) => z.id === zoneId)?.methods).toHaveLength(3);

    expect((await staff.request("DELETE", `/api/shipping-methods/${method.body.id}`)).status).toBe(200);
    expect((await staff.request("DELETE", `/api/shipping-methods/${method.body.id}`)).status).toBe(404);
    const deleted = await staff.request<RestZone>("DELETE", `/api/shipping-zones/${zoneId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(zoneId);
    expect((await staff.request("DELETE", `/api/shipping-zones/${zoneId}`)).status).toBe(404);
  });

  it("answers 409 naming the region and its zone when a region is in another zone", async () => {
    const first = await staff.request<RestZone>("POST", "/api/shipping-zones", {
      json: { name: "Quebec", regions: [{ country: "CA", state: "QC" }] },
    });
    expect(first.status).toBe(201);
    const second = await staff.request<RestError>("POST", "/api/shipping-zones", {
      json: { name: "Quebec again", regions: [{ country: "CA", state: "qc" }] },
    });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      error: 'CA-QC (state QC of CA) is already in the shipping zone "Quebec"',
      details: { regions: [{ country: "CA", state: "QC", zoneId: first.body.id, zoneName: "Quebec" }] },
    });
    const other = await staff.request<RestZone>("POST", "/api/shipping-zones", { json: { name: "Empty" } });
    const moved = await staff.request<RestError>("PATCH", `/api/shipping-zones/${other.body.id}`, {
      json: { regions: [{ country: "CA", state: "QC" }] },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toContain('"Quebec"');
  });

  it("answers 400 with a clear message for bad tiers, a missing threshold or too many decimals", async () => {
    const zone = await staff.request<RestZone>("POST", "/api/shipping-zones", {
      json: { name: "Tiers", regions: [{ country: "AU" }] },
    });
    const bad = async (json: unknown, path = `/api/shipping-zones/${zone.body.id}/methods`) => {
      const response = await staff.request<RestError>("POST", path, { json });
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      return response.body;
    };
    expect(
      await bad({
        name: "W",
        kind: "weight",
        weightTiers: [
          { upToGrams: 2000, price: 9 },
          { upToGrams: 1000, price: 5 },
        ],
      }),
    ).toEqual({
      error: "Invalid request",
      details: [
        {
          path: "weightTiers.1.upToGrams",
          message:
            "Each weight tier's upper bound must be above the one before (tiers go from light to heavy)",
        },
      ],
    });
    expect(
      await bad({
        name: "W",
        kind: "weight",
        weightTiers: [
          { upToGrams: null, price: 9 },
          { upToGrams: 1000, price: 5 },
        ],
      }),
    ).toMatchObject({
      details: [
        { path: "weightTiers.0.upToGrams", message: "Only the last weight tier may have no upper bound" },
      ],
    });
    expect(await bad({ name: "F", kind: "free_over", price: 5 })).toMatchObject({
      details: [{ path: "threshold", message: "Enter the subtotal from which shipping is free" }],
    });
    expect(await bad({ name: "F", kind: "flat", price: 5.005 })).toMatchObject({
      details: [{ path: "price", message: "Use at most two decimals" }],
    });
    expect(await bad({ name: "Z", regions: [{ country: "Canada" }] }, "/api/shipping-zones")).toMatchObject({
      details: [{ path: "regions.0.country" }],
    });

    const flat = await staff.request<RestMethod>("POST", `/api/shipping-zones/${zone.body.id}/methods`, {
      json: { name: "Flat", kind: "flat", price: 5 },
    });
    const toWeight = await staff.request<RestError>("PATCH", `/api/shipping-methods/${flat.body.id}`, {
      json: { kind: "weight" },
    });
    expect(toWeight.status).toBe(400);
    expect(toWeight.body).toEqual({
      error: "Add at least one weight tier",
      details: [{ path: "weightTiers", message: "Add at least one weight tier" }],
    });
    const decimals = await staff.request<RestError>("PATCH", `/api/shipping-methods/${flat.body.id}`, {
      json: { price: 1.234 },
    });
    expect(decimals.status).toBe(400);
    expect(decimals.body.details).toEqual([{ path: "price", message: "Use at most two decimals" }]);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const [method, path, json] of [
      ["PATCH", `/api/shipping-zones/${UNKNOWN}`, { name: "X" }],
      ["PATCH", "/api/shipping-zones/not-an-id", { name: "X" }],
      ["DELETE", `/api/shipping-zones/${UNKNOWN}`, undefined],
      ["POST", `/api/shipping-zones/${UNKNOWN}/methods`, { name: "M", kind: "flat", price: 1 }],
      ["PATCH", `/api/shipping-methods/${UNKNOWN}`, { name: "M" }],
      ["DELETE", "/api/shipping-methods/nope", undefined],
      ["DELETE", `/api/tax-rates/${UNKNOWN}`, undefined],
    ] as const) {
      const response = await staff.request<RestError>(method, path, json === undefined ? {} : { json });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.error).toMatch(/not found$/);
    }
  });
});

describe("REST tax rates and shop settings", () => {
  it("upserts a rate in percent, lists it, deletes it", async () => {
    const put = await staff.request<{ id: string; ratePercent: number; shippingRatePercent: number | null }>(
      "PUT",
      "/api/tax-rates",
      {
        json: {
          country: "us",
          state: "ny",
          name: "New York sales tax",
          ratePercent: 4,
          shippingRatePercent: 4,
        },
      },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ ratePercent: 4, shippingRatePercent: 4 });
    const again = await staff.request<{ id: string; ratePercent: number }>("PUT", "/api/tax-rates", {
      json: { country: "US", state: "NY", name: "New York sales tax", ratePercent: 8.875 },
    });
    expect(again.body).toMatchObject({ id: put.body.id, ratePercent: 8.875, shippingRatePercent: null });
    expect(await t.db.taxRate.findUnique({ where: { id: put.body.id } })).toMatchObject({ ratePpm: 88_750 });

    const list = await staff.request<{ rates: { id: string; country: string; state: string }[] }>(
      "GET",
      "/api/tax-rates?country=us",
    );
    expect(list.status).toBe(200);
    expect(list.body.rates.map((r) => `${r.country}-${r.state}`)).toEqual(["US-NY"]);

    const tooPrecise = await staff.request<RestError>("PUT", "/api/tax-rates", {
      json: { country: "US", state: "TX", name: "Texas", ratePercent: 6.25001 },
    });
    expect(tooPrecise.status).toBe(400);
    expect(
      (await staff.request("PUT", "/api/tax-rates", { json: { country: "US", name: "X", ratePercent: 101 } }))
        .status,
    ).toBe(400);

    expect((await staff.request("DELETE", `/api/tax-rates/${put.body.id}`)).status).toBe(200);
    expect((await staff.request("DELETE", `/api/tax-rates/${put.body.id}`)).status).toBe(404);
  });

  it("toggles the tax-inclusive setting", async () => {
    expect((await staff.request("GET", "/api/shop-settings")).body).toMatchObject({ taxInclusive: false });
    const on = await staff.request("PATCH", "/api/shop-settings", { json: { taxInclusive: true } });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ taxInclusive: true });
    expect((await staff.request("GET", "/api/shop-settings")).body).toMatchObject({ taxInclusive: true });
    expect(
      (await staff.request("PATCH", "/api/shop-settings", { json: { taxInclusive: "yes" } })).status,
    ).toBe(400);
    await staff.request("PATCH", "/api/shop-settings", { json: { taxInclusive: false } });
  });

  it("is staff only: 401 without a session, 403 for a customer", async () => {
    const anonymous = new HttpClient(t.url);
    for (const [method, path, json] of [
      ["GET", "/api/shipping-zones", undefined],
      ["POST", "/api/shipping-zones", { name: "Z" }],
      ["PATCH", `/api/shipping-methods/${UNKNOWN}`, { name: "M" }],
      ["GET", "/api/tax-rates", undefined],
      ["PUT", "/api/tax-rates", { country: "US", name: "X", ratePercent: 1 }],
      ["GET", "/api/shop-settings", undefined],
      ["PATCH", "/api/shop-settings", { taxInclusive: true }],
    ] as const) {
      const options = json === undefined ? {} : { json };
      expect((await anonymous.request(method, path, options)).status, `${method} ${path}`).toBe(401);
      expect((await shopper.request(method, path, options)).status, `${method} ${path}`).toBe(403);
    }
  });
});
