import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// PATCH /api/products/{id}/variants: the variants grid's all-or-nothing save over REST, in major units.

interface RestVariant {
  id: string;
  sku: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  active: boolean;
}
interface RestProduct {
  id: string;
  price: number;
  priceRange: { min: number; max: number };
  variants: RestVariant[];
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

let counter = 0;
async function createProduct(currency = "USD") {
  counter += 1;
  const suffix = `${counter}-${Math.random().toString(36).slice(2, 7)}`.toUpperCase();
  const response = await staff.request<RestProduct>("POST", "/api/products", {
    json: {
      name: `Rest Batch Sock ${suffix}`,
      currency,
      options: [{ name: "Size", values: ["S", "M", "L"] }],
      variants: ["S", "M", "L"].map((size) => ({
        options: { Size: size },
        price: 8,
        stock: 3,
        sku: `RBS-${suffix}-${size}`,
      })),
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const read = async (id: string) => (await staff.request<RestProduct>("GET", `/api/products/${id}`)).body;

describe("PATCH /api/products/{id}/variants", () => {
  it("swaps two SKUs and reprices in major units in one call, answering the product", async () => {
    const sock = await createProduct();
    const [s, m] = sock.variants;
    const response = await staff.request<RestProduct>("PATCH", `/api/products/${sock.id}/variants`, {
      json: {
        variants: [
          { id: s!.id, sku: m!.sku, price: 9.5, compareAtPrice: 12 },
          { id: m!.id, sku: s!.sku, active: false },
        ],
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.variants.map((variant) => [variant.sku, variant.price, variant.active])).toEqual([
      [m!.sku, 9.5, true],
      [s!.sku, 8, false],
      [sock.variants[2]!.sku, 8, true],
    ]);
    expect(response.body.variants[0]!.compareAtPrice).toBe(12);
    expect(response.body.priceRange).toEqual({ min: 8, max: 9.5 });
    expect((await read(sock.id)).variants.map((variant) => variant.sku)).toEqual(
      response.body.variants.map((variant) => variant.sku),
    );
  });

  it("answers a SKU another product has with 409 naming it in details.skus, and changes nothing", async () => {
    const sock = await createProduct();
    const other = await createProduct();
    const [s, m] = sock.variants;
    const response = await staff.request("PATCH", `/api/products/${sock.id}/variants`, {
      json: {
        variants: [
          { id: s!.id, price: 1 },
          { id: m!.id, sku: other.variants[0]!.sku },
        ],
      },
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: `SKU ${other.variants[0]!.sku} is already in use`,
      details: { skus: [other.variants[0]!.sku] },
    });
    expect((await read(sock.id)).variants).toEqual(sock.variants);
  });

  it("answers 404 for a variant of another product or an unknown product, 400 for a bad body or price", async () => {
    const sock = await createProduct();
    const yen = await createProduct("JPY");
    const other = await createProduct();
    const patch = (id: string, json: unknown) =>
      staff.request("PATCH", `/api/products/${id}/variants`, { json });
    const foreign = await patch(sock.id, { variants: [{ id: other.variants[0]!.id, price: 1 }] });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ details: { variantId: other.variants[0]!.id } });
    expect((await patch("not-an-id", { variants: [{ id: sock.variants[0]!.id, price: 1 }] })).status).toBe(
      404,
    );
    const empty = await patch(sock.id, { variants: [{ id: sock.variants[0]!.id }] });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: "Invalid request",
      details: [{ path: "variants.0", message: "Change at least one field" }],
    });
    const decimals = await patch(yen.id, { variants: [{ id: yen.variants[1]!.id, price: 8.5 }] });
    expect(decimals.status).toBe(400);
    expect(decimals.body).toEqual({
      error: "Invalid request",
      details: [{ path: "variants.0.price", message: "Use a whole amount for JPY" }],
    });
    const zeroCompareAt = await patch(sock.id, {
      variants: [{ id: sock.variants[0]!.id, compareAtPrice: 0 }],
    });
    expect(zeroCompareAt.status).toBe(400);
    expect(zeroCompareAt.body).toMatchObject({ details: [{ path: "variants.0.compareAtPrice" }] });
    expect((await read(yen.id)).variants).toEqual(yen.variants);
    expect((await read(sock.id)).variants).toEqual(sock.variants);
  });

  it("is for staff: a customer is 403, a signed-out caller 401", async () => {
    const sock = await createProduct();
    const json = { variants: [{ id: sock.variants[0]!.id, price: 1 }] };
    expect((await shopper.request("PATCH", `/api/products/${sock.id}/variants`, { json })).status).toBe(403);
    expect(
      (await new HttpClient(t.url).request("PATCH", `/api/products/${sock.id}/variants`, { json })).status,
    ).toBe(401);
  });
});
