import { createTestUser } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
let t: TestApp;
let shopper: HttpClient;
let shopperId: string;
let staff: HttpClient;
type Created = { id: string; variants: { id: string; sku: string }[] };
let kettle: Created;
let mug: Created;

beforeAll(async () => {
  t = await startTestApp();
  ({
    client: shopper,
    user: { id: shopperId },
  } = await signedInAs(t, "CUSTOMER"));
  ({ client: staff } = await signedInAs(t, "STAFF"));
  const kitchen = await t.db.category.create({ data: { slug: "kitchen", name: "Kitchen" } });
  kettle = (
    await staff.request("POST", "/api/products", {
      json: {
        name: "Copper Kettle",
        price: 59.99,
        categoryId: kitchen.id,
        stock: 5,
        description: "Whistles",
      },
    })
  ).body as Created;
  mug = (
    await staff.request("POST", "/api/products", { json: { name: "Stoneware Mug", price: 12.5, stock: 40 } })
  ).body as Created;
});
afterAll(() => t.close());

describe("POST /api/orders", () => {
  it("creates an order: 201 with totals in major units, items, address and ISO dates", async () => {
    const response = await shopper.request("POST", "/api/orders", {
      json: {
        items: [
          { productId: kettle.id, quantity: 1 },
          { productId: mug.id, quantity: 2 },
        ],
        shippingAddress: ADDRESS,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      number: expect.any(Number),
      userId: shopperId,
      status: "pending",
      total: 84.99,
      currency: "USD",
      items: [
        {
          productId: kettle.id,
          variantId: kettle.variants[0]!.id,
          sku: "COPPER-KETTLE",
          name: "Copper Kettle",
          variantTitle: "Default",
          quantity: 1,
          unitPrice: 59.99,
          lineTotal: 59.99,
        },
        {
          productId: mug.id,
          variantId: mug.variants[0]!.id,
          sku: "STONEWARE-MUG",
          name: "Stoneware Mug",
          variantTitle: "Default",
          quantity: 2,
          unitPrice: 12.5,
          lineTotal: 25,
        },
      ],
      shippingAddress: ADDRESS,
      trackingNumber: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updatedAt: expect.any(String),
    });
  });

  it("replays the same Idempotency-Key and body, and answers 409 for the key with a different body", async () => {
    const body = { items: [{ productId: mug.id, quantity: 1 }], shippingAddress: ADDRESS };
    const headers = { "idempotency-key": "rest-key-0001" };
    const first = await shopper.request<{ id: string }>("POST", "/api/orders", { json: body, headers });
    const second = await shopper.request<{ id: string }>("POST", "/api/orders", { json: body, headers });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const different = await shopper.request("POST", "/api/orders", {
      json: { ...body, items: [{ productId: mug.id, quantity: 2 }] },
      headers,
    });
    expect(different.status).toBe(409);
    expect(different.body).toEqual({
      error: "This idempotency key was already used for a different order",
      details: { idempotencyKey: "rest-key-0001" },
    });
  });

  it("answers short stock with 400 and exactly which variant, how many are available and requested", async () => {
    const response = await shopper.request("POST", "/api/orders", {
      json: { items: [{ productId: kettle.id, quantity: 99 }], shippingAddress: ADDRESS },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "Insufficient inventory",
      details: {
        productId: kettle.id,
        variantId: kettle.variants[0]!.id,
        sku: "COPPER-KETTLE",
        available: 4,
        requested: 99,
      },
    });
  });

  it("answers a bad body with 400 and the field issues", async () => {
    const response = await shopper.request("POST", "/api/orders", {
      json: { items: [{ productId: mug.id, quantity: 0 }], shippingAddress: { street: "" } },
    });
    expect(response.status).toBe(400);
    const body = response.body as { error: string; details: { path: string; message: string }[] };
    expect(body.error).toBe("Invalid request");
    expect(Object.keys(body).sort()).toEqual(["details", "error"]);
    expect(body.details).toEqual(
      expect.arrayContaining([
        { path: "items.0.quantity", message: "Order at least one" },
        { path: "shippingAddress.street", message: "Enter the street" },
        { path: "shippingAddress.city", message: expect.any(String) },
      ]),
    );
  });

  it("answers an unknown or archived product with 404 naming it", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const response = await shopper.request("POST", "/api/orders", {
      json: { items: [{ productId: unknown, quantity: 1 }], shippingAddress: ADDRESS },
    });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: "Product not found", details: { productId: unknown } });
  });

  it("answers 401 without a session and 403 for someone else's userId; staff may order for a customer", async () => {
    const body = { items: [{ productId: mug.id, quantity: 1 }], shippingAddress: ADDRESS };
    const anonymous = await new HttpClient(t.url).request("POST", "/api/orders", { json: body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: "Sign in to continue" });
    const { user: other } = await signedInAs(t, "CUSTOMER");
    const forbidden = await shopper.request("POST", "/api/orders", { json: { ...body, userId: other.id } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: "You may only place orders for yourself" });
    const onBehalf = await staff.request<{ userId: string }>("POST", "/api/orders", {
      json: { ...body, userId: other.id },
    });
    expect(onBehalf.status).toBe(201);
    expect(onBehalf.body.userId).toBe(other.id);
  });
});

describe("defect 12: staff placing an order for a customer can name a STAFF or ADMIN account", () => {
  it("answers 400 naming the rule for a STAFF or ADMIN userId, 404 for an inactive one, and places nothing", async () => {
    const body = { items: [{ productId: mug.id, quantity: 1 }], shippingAddress: ADDRESS };
    const { user: otherStaff } = await signedInAs(t, "STAFF");
    const { user: admin } = await signedInAs(t, "ADMIN");
    const inactive = await createTestUser(t.db, { active: false });
    for (const target of [otherStaff, admin]) {
      const refused = await staff.request("POST", "/api/orders", { json: { ...body, userId: target.id } });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: "Orders can be placed for customer accounts only" });
    }
    const missing = await staff.request("POST", "/api/orders", { json: { ...body, userId: inactive.id } });
    expect(missing.status).toBe(404);
    expect(
      await t.db.order.count({ where: { userId: { in: [otherStaff.id, admin.id, inactive.id] } } }),
    ).toBe(0);
  });
});

describe("reading and cancelling orders", () => {
  it("GET /api/orders/:id returns the order with updatedAt and history; someone else's or a missing one is 404", async () => {
    const created = await shopper.request<{ id: string }>("POST", "/api/orders", {
      json: { items: [{ productId: mug.id, quantity: 1 }], shippingAddress: ADDRESS },
    });
    const response = await shopper.request("GET", `/api/orders/${created.body.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: created.body.id,
      updatedAt: expect.any(String),
      history: [{ from: null, to: "pending", note: null, at: expect.any(String) }],
    });
    const { client: stranger } = await signedInAs(t, "CUSTOMER");
    for (const path of [
      `/api/orders/${created.body.id}`,
      "/api/orders/00000000-0000-4000-8000-000000000000",
      "/api/orders/not-an-id",
    ]) {
      const missing = await stranger.request("GET", path);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: "Order not found" });
    }
    expect((await staff.request("GET", `/api/orders/${created.body.id}`)).status).toBe(200);
  });

  it("PATCH /api/orders/:id/cancel cancels (200) and restocks; again is 409 naming the status", async () => {
    const before = (await shopper.request<{ stock: number }>("GET", `/api/products/${mug.id}`)).body.stock;
    const created = await shopper.request<{ id: string }>("POST", "/api/orders", {
      json: { items: [{ productId: mug.id, quantity: 3 }], shippingAddress: ADDRESS },
    });
    const cancelled = await shopper.request("PATCH", `/api/orders/${created.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id: created.body.id, status: "cancelled" });
    expect((await shopper.request<{ stock: number }>("GET", `/api/products/${mug.id}`)).body.stock).toBe(
      before,
    );
    const again = await shopper.request("PATCH", `/api/orders/${created.body.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ error: "Order cannot be cancelled", details: { status: "cancelled" } });
  });

  it("GET /api/users/:id/orders pages newest first; self or staff only", async () => {
    const { user, client } = await signedInAs(t, "CUSTOMER");
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push(
        (
          await client.request<{ id: string }>("POST", "/api/orders", {
            json: { items: [{ productId: mug.id, quantity: 1 }], shippingAddress: ADDRESS },
          })
        ).body.id,
      );
    }
    const first = await client.request<{
      orders: { id: string; total: number }[];
      nextCursor: string | null;
    }>("GET", `/api/users/${user.id}/orders?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.orders.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.orders[0]!.total).toBe(12.5);
    const second = await client.request<{ orders: { id: string }[]; nextCursor: string | null }>(
      "GET",
      `/api/users/${user.id}/orders?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({ orders: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    expect((await shopper.request("GET", `/api/users/${user.id}/orders`)).status).toBe(403);
    expect((await staff.request("GET", `/api/users/${user.id}/orders`)).status).toBe(200);
  });
});

describe("products and inventory", () => {
  it("GET /api/products lists products with price in major units, category and stock; filters by category and q", async () => {
    const all = await new HttpClient(t.url).request<{
      products: Record<string, unknown>[];
      nextCursor: string | null;
    }>("GET", "/api/products?limit=10");
    expect(all.status).toBe(200);
    const kettleRow = all.body.products.find((p) => p.id === kettle.id);
    expect(kettleRow).toEqual({
      id: kettle.id,
      slug: "copper-kettle",
      name: "Copper Kettle",
      description: "Whistles",
      price: 59.99,
      priceRange: { min: 59.99, max: 59.99 },
      currency: "USD",
      category: { id: expect.any(String), slug: "kitchen", name: "Kitchen" },
      imageUrl: null,
      stock: expect.any(Number),
      inStock: true,
      active: true,
    });
    const kitchen = await new HttpClient(t.url).request<{ products: { id: string }[] }>(
      "GET",
      "/api/products?category=kitchen",
    );
    expect(kitchen.body.products.map((p) => p.id)).toEqual([kettle.id]);
    const search = await new HttpClient(t.url).request<{ products: { id: string }[] }>(
      "GET",
      "/api/products?q=stoneware",
    );
    expect(search.body.products.map((p) => p.id)).toEqual([mug.id]);
    const paged = await new HttpClient(t.url).request<{ products: unknown[]; nextCursor: string }>(
      "GET",
      "/api/products?limit=1",
    );
    expect(paged.body.products).toHaveLength(1);
    expect(typeof paged.body.nextCursor).toBe("string");
  });

  it("GET /api/products/:id answers 200 or 404", async () => {
    expect((await new HttpClient(t.url).request("GET", `/api/products/${mug.id}`)).status).toBe(200);
    const missing = await new HttpClient(t.url).request(
      "GET",
      "/api/products/00000000-0000-4000-8000-000000000000",
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: "Product not found",
      details: { productId: "00000000-0000-4000-8000-000000000000" },
    });
  });

  it("POST /api/products creates for staff (201), refuses customers (403) and bad bodies (400)", async () => {
    const created = await staff.request("POST", "/api/products", {
      json: { name: "Oak Board", price: 35, slug: "oak-board", stock: 3 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: "oak-board",
      price: 35,
      stock: 3,
      currency: "USD",
      active: true,
    });
    const forbidden = await shopper.request("POST", "/api/products", { json: { name: "Nope", price: 1 } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: "Staff only" });
    const bad = await staff.request("POST", "/api/products", { json: { name: "Bad", price: 1.005 } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      error: "Invalid request",
      details: [{ path: "price", message: "Use at most two decimals" }],
    });
  });

  it("POST /api/inventory/:variantId/adjustments applies a delta or a level (a single-variant product's id works too); below zero is 409; customers 403", async () => {
    const product = (
      await staff.request<Created>("POST", "/api/products", {
        json: { name: "Jute Rug", price: 80, stock: 2 },
      })
    ).body;
    const delta = await staff.request("POST", `/api/inventory/${product.id}/adjustments`, {
      json: { delta: 5, reason: "restock" },
    });
    expect(delta.status).toBe(200);
    const variant = { productId: product.id, variantId: product.variants[0]!.id, sku: "JUTE-RUG" };
    expect(delta.body).toEqual({ ...variant, stock: 7 });
    const set = await staff.request("POST", `/api/inventory/${variant.variantId}/adjustments`, {
      json: { set: 1, reason: "adjustment", note: "Recount" },
    });
    expect(set.body).toEqual({ ...variant, stock: 1 });
    const negative = await staff.request("POST", `/api/inventory/${product.id}/adjustments`, {
      json: { delta: -2, reason: "adjustment" },
    });
    expect(negative.status).toBe(409);
    expect(negative.body).toEqual({
      error: "Stock cannot go below zero",
      details: { productId: product.id, variantId: variant.variantId, onHand: 1, delta: -2 },
    });
    expect(
      (
        await shopper.request("POST", `/api/inventory/${product.id}/adjustments`, {
          json: { delta: 1, reason: "restock" },
        })
      ).status,
    ).toBe(403);
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document describing every REST route, and an interactive docs page", async () => {
    const response = await new HttpClient(t.url).request<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    }>("GET", "/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\.1/);
    const routes = Object.entries(response.body.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        "POST /orders",
        "GET /orders/{id}",
        "PATCH /orders/{id}/cancel",
        "GET /users/{id}/orders",
        "GET /products",
        "GET /products/{id}",
        "POST /products",
        "PATCH /products/{id}/variants",
        "POST /inventory/{variantId}/adjustments",
        "GET /variants",
        "GET /shipping-zones",
        "POST /shipping-zones",
        "PATCH /shipping-zones/{id}",
        "DELETE /shipping-zones/{id}",
        "POST /shipping-zones/{id}/methods",
        "PATCH /shipping-methods/{id}",
        "DELETE /shipping-methods/{id}",
        "GET /tax-rates",
        "PUT /tax-rates",
        "DELETE /tax-rates/{id}",
        "GET /shop-settings",
        "PATCH /shop-settings",
        "POST /promotions",
        "GET /promotions",
        "GET /promotions/{code}",
        "PATCH /promotions/{code}",
        "POST /checkout/quote",
      ].sort(),
    );
    const docs = await fetch(`${t.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/api/docs/swagger-ui-bundle.js");
    const bundle = await fetch(`${t.url}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toContain("javascript");
  });
});

// The output schema required two decimals, so a dinar price to the fils (1.999 KWD) failed output
// validation and answered 500.
describe("a price in a three-decimal currency", () => {
  it("is created, read and ordered in its own major units (KWD to the fils)", async () => {
    const created = await staff.request("POST", "/api/products", {
      json: { name: "Brass Dallah", price: 1.999, currency: "KWD", stock: 3 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ price: 1.999, currency: "KWD" });
    const { id } = created.body as { id: string };
    const read = await shopper.request("GET", `/api/products/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ price: 1.999, currency: "KWD" });
    const order = await shopper.request("POST", "/api/orders", {
      json: { items: [{ productId: id, quantity: 2 }], shippingAddress: ADDRESS },
    });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ total: 3.998, currency: "KWD", items: [{ unitPrice: 1.999 }] });
  });
});
