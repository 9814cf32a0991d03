import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// POST /api/checkout/quote over HTTP: guests may ask, amounts travel in major units, refusals are 400s.

interface RestQuote {
  currency: string;
  subtotal: number;
  discount: number;
  shipping: number;
  tax: number;
  total: number;
  taxIncluded: boolean;
  lines: {
    variantId: string;
    productId: string;
    quantity: number;
    unitPrice: number;
    discount: number;
    tax: number;
    lineTotal: number;
  }[];
  shippingMethods: { id: string; name: string; price: number; estimate: string }[];
  shippingMethodId: string;
  promotion: { code: string; description: string } | null;
}
interface RestError {
  error: string;
  details?: unknown;
}

const ADDRESS = { street: "5 Main Street", city: "Austin", state: "TX", zip: "73301", country: "US" };

let t: TestApp;
let guest: HttpClient;
let shopper: HttpClient;
let variantId: string;
let productId: string;
let standardId: string;

beforeAll(async () => {
  t = await startTestApp();
  const { client: staff } = await signedInAs(t, "STAFF");
  ({ client: shopper } = await signedInAs(t, "CUSTOMER"));
  guest = new HttpClient(t.url);
  const product = await staff.request<{ id: string; variants: { id: string }[] }>("POST", "/api/products", {
    json: { name: "Quote Teapot", price: 24.99, stock: 20 },
  });
  expect(product.status).toBe(201);
  productId = product.body.id;
  variantId = product.body.variants[0]!.id;
  const zone = await staff.request<{ methods: { id: string; name: string }[] }>(
    "POST",
    "/api/shipping-zones",
    {
      json: {
        name: "US",
        regions: [{ country: "US" }],
        methods: [
          { name: "Standard", estimate: "3-5 days", kind: "flat", price: 4.99 },
          { name: "Saver", estimate: "6-9 days", kind: "free_over", price: 7.5, threshold: 100 },
        ],
      },
    },
  );
  expect(zone.status, JSON.stringify(zone.body)).toBe(201);
  standardId = zone.body.methods.find((method) => method.name === "Standard")!.id;
  const rate = await staff.request("PUT", "/api/tax-rates", {
    json: { country: "US", state: "TX", name: "Texas", ratePercent: 6.25, shippingRatePercent: 0 },
  });
  expect(rate.status, JSON.stringify(rate.body)).toBeLessThan(300);
  const code = await staff.request("POST", "/api/promotions", {
    json: { code: "TEAPOT-10", description: "10% off teapots", type: "percentage", value: 10 },
  });
  expect(code.status, JSON.stringify(code.body)).toBe(201);
});
afterAll(() => t.close());

describe("POST /api/checkout/quote", () => {
  it("answers a guest 200 with every amount in major units", async () => {
    const response = await guest.request<RestQuote>("POST", "/api/checkout/quote", {
      json: { items: [{ variantId, quantity: 2 }], shippingAddress: ADDRESS, promotionCode: "teapot-10" },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // 49.98 − 5.00 (10%, half-even of 4.998) = 44.98; Texas 6.25% of 44.98 = 2.81; shipping untaxed.
    expect(response.body).toEqual({
      currency: "USD",
      subtotal: 49.98,
      discount: 5,
      shipping: 4.99,
      tax: 2.81,
      total: 52.78,
      taxIncluded: false,
      lines: [
        { variantId, productId, quantity: 2, unitPrice: 24.99, discount: 5, tax: 2.81, lineTotal: 47.79 },
      ],
      shippingMethods: [
        { id: standardId, name: "Standard", price: 4.99, estimate: "3-5 days" },
        { id: expect.any(String), name: "Saver", price: 7.5, estimate: "6-9 days" },
      ],
      shippingMethodId: standardId,
      promotion: { code: "TEAPOT-10", description: "10% off teapots" },
    });
  });

  it("answers a signed-in shopper the same quote", async () => {
    const json = { items: [{ productId, quantity: 5 }], shippingAddress: ADDRESS };
    const signedIn = await shopper.request<RestQuote>("POST", "/api/checkout/quote", { json });
    const anonymous = await guest.request<RestQuote>("POST", "/api/checkout/quote", { json });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual(anonymous.body);
    // 124.95 is over the Saver's threshold of 100.00: it ships free and is chosen.
    expect(signedIn.body.shippingMethods[0]).toMatchObject({ name: "Saver", price: 0 });
    expect(signedIn.body).toMatchObject({ shipping: 0, total: 132.76 });
  });

  it("refuses an address without a shipping method, a refused code and an unknown method with 400", async () => {
    const items = [{ variantId, quantity: 1 }];
    const noMethod = await guest.request<RestError>("POST", "/api/checkout/quote", {
      json: { items, shippingAddress: { ...ADDRESS, state: "Tokyo", country: "JP" } },
    });
    expect(noMethod.status).toBe(400);
    expect(noMethod.body).toEqual({ error: "No shipping method for this address" });

    const code = await guest.request<RestError>("POST", "/api/checkout/quote", {
      json: { items, shippingAddress: ADDRESS, promotionCode: "NOT-A-CODE" },
    });
    expect(code.status).toBe(400);
    expect(code.body).toEqual({
      error: "Promotion not applicable",
      details: { code: "NOT-A-CODE", reason: "not_found" },
    });

    const method = await guest.request<RestError>("POST", "/api/checkout/quote", {
      json: { items, shippingAddress: ADDRESS, shippingMethodId: "no-such-method" },
    });
    expect(method.status).toBe(400);
    expect(method.body).toMatchObject({ details: { shippingMethodId: "no-such-method" } });

    const invalid = await guest.request<RestError>("POST", "/api/checkout/quote", {
      json: { items: [], shippingAddress: ADDRESS },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([{ path: "items", message: "Add at least one item" }]);
  });
});
