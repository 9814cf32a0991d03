import { randomUUID } from "node:crypto";
import { createTestProduct as createTestProductFixture } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// Issue 10, defect 4, over HTTP: NUL bytes, forged cursors and integer overflow answered 500.

const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
const NUL = "\u0000";
const id = "0b6a7b0e-9d2a-4c8e-9a51-3f0f3c6f2a11";
const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");

let t: TestApp;
let shopper: HttpClient;
let staff: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  shopper = (await signedInAs(t, "CUSTOMER")).client;
  staff = (await signedInAs(t, "STAFF")).client;
});
afterAll(() => t.close());

const refusal = "Must not contain NUL characters";

function createTestProduct(db: TestApp["db"], data: { priceCents?: number; stock: number }) {
  const slug = `hardening-${randomUUID()}`;
  return createTestProductFixture(db, {
    slug,
    name: slug,
    priceCents: data.priceCents ?? 1000,
    stock: data.stock,
  });
}

describe("NUL bytes over HTTP answer 400 naming the field", () => {
  it("REST: search, category, path ids and bodies", async () => {
    for (const [path, field] of [
      [`/api/products?q=${encodeURIComponent(`mug${NUL}`)}`, "q"],
      [`/api/products?category=${encodeURIComponent(`mugs${NUL}`)}`, "category"],
    ] as const) {
      const response = await shopper.request("GET", path);
      expect(response.status, path).toBe(400);
      expect(response.body, path).toMatchObject({
        details: expect.arrayContaining([{ path: field, message: refusal }]),
      });
    }
    // Path ids arrive undecoded ("x%00"): no NUL reaches a query, and an id that is not one is a 4xx.
    for (const path of [`/api/products/x%00`, `/api/orders/x%00`, `/api/users/u%00/orders`]) {
      const response = await shopper.request("GET", path);
      expect([403, 404], path).toContain(response.status);
    }
    const order = await shopper.request("POST", "/api/orders", {
      json: {
        items: [{ productId: id, quantity: 1 }],
        shippingAddress: { ...ADDRESS, city: `Bristol${NUL}` },
      },
    });
    expect(order.status).toBe(400);
    expect(order.body).toMatchObject({
      details: expect.arrayContaining([{ path: "shippingAddress.city", message: refusal }]),
    });
    const product = await staff.request("POST", "/api/products", { json: { name: `Mug${NUL}`, price: 1 } });
    expect(product.status).toBe(400);
    expect(product.body).toMatchObject({
      details: expect.arrayContaining([{ path: "name", message: refusal }]),
    });
  });

  it("REST paths that do not decode (a lone UTF-16 surrogate, %ED%BF%BF) answer our 400 JSON body (regression: Fastify's FST_ERR_BAD_URL body)", async () => {
    for (const path of ["/api/products/%ED%BF%BF", "/api/orders/a%ED%BF%BFb", "/api/promotions/%ED%BF%BF"]) {
      const response = await shopper.request("GET", path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.body, path).toEqual({ error: "Malformed URL: the path does not decode as UTF-8" });
    }
  });

  it("tRPC over HTTP: search q and a customer id", async () => {
    const search = await shopper.query("product.list", { q: `mug${NUL}` });
    expect(search.status).toBe(400);
    expect(search.error?.data.issues).toContainEqual({ path: "q", message: refusal });
    const customer = await staff.query("admin.customer", { id: `u${NUL}` });
    expect(customer.status).toBe(400);
    expect(customer.error?.data.issues).toContainEqual({ path: "id", message: refusal });
  });
});

describe("forged keyset cursors over HTTP answer 400 Invalid cursor", () => {
  it("REST product and order pages", async () => {
    for (const cursor of [forge(["newest", "x", id]), forge(["newest", 1, id]), forge(["name", 1, id])]) {
      const response = await shopper.request("GET", `/api/products?cursor=${cursor}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: "Invalid cursor" });
    }
    const me = (await shopper.query("auth.me")).data as { id: string };
    const orders = await shopper.request(
      "GET",
      `/api/users/${me.id}/orders?cursor=${forge(["-271821-04-20T00:00:00.000Z", id])}`,
    );
    expect(orders.status).toBe(400);
    expect(orders.body).toMatchObject({ error: "Invalid cursor" });
  });

  it("tRPC product.list with a price cursor holding text", async () => {
    const result = await shopper.query("product.list", {
      sort: "price_asc",
      cursor: forge(["price_asc", "abc", id]),
    });
    expect(result.status).toBe(400);
    expect(result.error?.message).toBe("Invalid cursor");
  });
});

describe("integer overflow over HTTP", () => {
  it("REST stock adjustments beyond int4 are a 400, and stock is unchanged", async () => {
    const product = await createTestProduct(t.db, { stock: 3 });
    for (const body of [{ delta: 2 ** 31 }, { delta: -(2 ** 31) }, { set: 2 ** 31 }]) {
      const response = await staff.request("POST", `/api/inventory/${product.id}/adjustments`, {
        json: { ...body, reason: "restock" },
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ error: "Invalid request" });
    }
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(3);
  });

  it("tRPC price filter of 2^31 cents is a 400", async () => {
    const result = await shopper.query("product.list", { minPriceCents: 2 ** 31 });
    expect(result.status).toBe(400);
    expect(result.error?.data.issues).toContainEqual(expect.objectContaining({ path: "minPriceCents" }));
  });

  it("REST places an order past 2^31 cents (100 lines × 999 of a $449 product) with the exact total", async () => {
    const product = await createTestProduct(t.db, { priceCents: 44_900, stock: 100_000 });
    const response = await shopper.request("POST", "/api/orders", {
      json: {
        items: Array.from({ length: 100 }, () => ({ productId: product.id, quantity: 999 })),
        shippingAddress: ADDRESS,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      total: 44_855_100,
      items: [{ productId: product.id, quantity: 99_900, unitPrice: 449, lineTotal: 44_855_100 }],
    });
    const orderId = (response.body as { id: string }).id;
    const read = await shopper.request("GET", `/api/orders/${orderId}`);
    expect(read.body).toMatchObject({ total: 44_855_100 });
  });

  it("REST refuses an order past the maximum total with 400 Order total is too large", async () => {
    const product = await createTestProduct(t.db, { priceCents: 100_000_000, stock: 200 });
    const response = await shopper.request("POST", "/api/orders", {
      json: { items: [{ productId: product.id, quantity: 101 }], shippingAddress: ADDRESS },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "Order total is too large" });
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(200);
  });
});

// Found by the fuzz test: a lone surrogate reached the audit row's jsonb (P2007) and answered 500.
describe("a lone surrogate in a staff mutation's input answers 400, not a 500 from the audit row", () => {
  it("tRPC inventory.adjust with a note holding half a UTF-16 pair", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const result = await staff.mutation("inventory.adjust", {
      productId: product.id,
      delta: 1,
      reason: "restock",
      note: "\ud800",
    });
    expect(result.status).toBe(400);
    expect(result.error?.data.issues).toContainEqual({ path: "note", message: "Must be valid Unicode text" });
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(5);
  });

  it("REST order for a shopper with a street holding half a UTF-16 pair", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const response = await staff.request("POST", "/api/orders", {
      json: {
        items: [{ productId: product.id, quantity: 1 }],
        shippingAddress: { ...ADDRESS, street: "\udc00" },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      details: expect.arrayContaining([
        { path: "shippingAddress.street", message: "Must be valid Unicode text" },
      ]),
    });
  });
});

// Found by the fuzz test: superjson's own error text ("Maximum call stack size exceeded",
// "identicalPaths.map is not a function") was the 400's message.
describe("forged superjson metadata answers 400 in our words, not the library's", () => {
  it("tRPC query and mutation with meta that superjson cannot apply", async () => {
    for (const meta of [
      { values: "\u0000" },
      { referentialEqualities: { a: "b" } },
      { values: { id: ["x"] } },
    ]) {
      const input = encodeURIComponent(JSON.stringify({ json: { id }, meta }));
      const query = await shopper.request("GET", `/api/trpc/product.byId?input=${input}`);
      expect(query.status, JSON.stringify(meta)).toBe(400);
      const body = query.body as { error: { json: { message: string } } };
      expect(body.error.json.message, JSON.stringify(meta)).toBe("The input could not be read");
    }
    const mutation = await shopper.request("POST", "/api/trpc/auth.updateProfile", {
      json: { json: { name: "x" }, meta: { values: "\u0000" } },
    });
    expect(mutation.status).toBe(400);
    expect((mutation.body as { error: { json: { message: string } } }).error.json.message).toBe(
      "The input could not be read",
    );
  });
});
