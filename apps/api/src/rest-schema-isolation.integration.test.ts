import { appRouter, restRouter } from "@stockroom/api";
import * as sharedSchemas from "@stockroom/api/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };

let t: TestApp;
let shopper: HttpClient;
let shopperId: string;
let staff: HttpClient;
let productId: string;

const isSchema = (value: unknown): value is z.ZodType =>
  typeof value === "object" && value !== null && "_zod" in value;

/**
 * Every schema a procedure or the web app parses with: the shared exports, and the inputs of every
 * tRPC and REST procedure (their inline schemas included).
 */
function everySchema(): [string, z.ZodType][] {
  const schemas: [string, z.ZodType][] = Object.entries(sharedSchemas as Record<string, unknown>).filter(
    (entry): entry is [string, z.ZodType] => isSchema(entry[1]),
  );
  for (const [surface, router] of [
    ["trpc", appRouter],
    ["rest", restRouter],
  ] as const) {
    for (const [path, procedure] of Object.entries(router._def.procedures)) {
      const inputs = (procedure as { _def: { inputs: unknown[] } })._def.inputs;
      inputs.forEach((input, index) => {
        if (isSchema(input)) schemas.push([`${surface}:${path}#${index}`, input]);
      });
    }
  }
  return schemas;
}

/**
 * A deep picture of a schema's definition: every flag (coerce among them), check and child schema,
 * as plain data. Any in-place change of any schema reachable from it changes the picture.
 */
function fingerprint(value: unknown, seen = new Map<object, number>()): unknown {
  if (typeof value === "function") return "[function]";
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof RegExp) return String(value);
  const known = seen.get(value);
  if (known !== undefined) return `[ref ${known}]`;
  seen.set(value, seen.size);
  if (Array.isArray(value)) return value.map((item) => fingerprint(item, seen));
  if (isSchema(value)) return { def: fingerprint(value._zod.def, seen) };
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, fingerprint((value as Record<string, unknown>)[key], seen)]),
  );
}

function jsonSchemaOf(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  } catch (error) {
    return `unrepresentable: ${String(error)}`;
  }
}

function picture() {
  return Object.fromEntries(
    everySchema().map(([name, schema]) => [name, { def: fingerprint(schema), json: jsonSchemaOf(schema) }]),
  );
}

/** Calls every REST operation once, with the types a JSON client sends; returns the ones called. */
async function exerciseEveryRestRoute(): Promise<string[]> {
  const called: string[] = [];
  const call = async (client: HttpClient, method: string, path: string, json?: unknown) => {
    const response = await client.request(method, `/api${path}`, json === undefined ? {} : { json });
    expect(response.status, `${method} ${path}`).toBeLessThan(500);
    return response;
  };
  const product = await call(staff, "POST", "/products", {
    name: "Isolation Kettle",
    price: 9.99,
    stock: 50,
  });
  expect(product.status).toBe(201);
  const { id: newProductId, variants } = product.body as {
    id: string;
    variants: { id: string; sku: string }[];
  };
  called.push("post /products");
  await call(staff, "POST", `/inventory/${variants[0]!.id}/adjustments`, { delta: 5, reason: "restock" });
  called.push("post /inventory/{variantId}/adjustments");
  await call(staff, "GET", `/variants?sku=${encodeURIComponent(variants[0]!.sku)}`);
  called.push("get /variants");
  await call(staff, "PATCH", `/products/${newProductId}/variants`, {
    variants: [{ id: variants[0]!.id, price: 10.5, active: true }],
  });
  called.push("patch /products/{id}/variants");
  const order = await call(shopper, "POST", "/orders", {
    items: [{ productId: newProductId, quantity: 2 }],
    shippingAddress: ADDRESS,
  });
  expect(order.status).toBe(201);
  const orderId = (order.body as { id: string }).id;
  called.push("post /orders");
  await call(shopper, "GET", `/orders/${orderId}`);
  called.push("get /orders/{id}");
  await call(shopper, "PATCH", `/orders/${orderId}/cancel`);
  called.push("patch /orders/{id}/cancel");
  await call(shopper, "GET", `/users/${shopperId}/orders?limit=5`);
  called.push("get /users/{id}/orders");
  await call(shopper, "GET", "/products?limit=5&q=kettle");
  called.push("get /products");
  await call(shopper, "GET", `/products/${newProductId}`);
  called.push("get /products/{id}");
  const zone = await call(staff, "POST", "/shipping-zones", {
    name: "Isolation zone",
    regions: [{ country: "NZ" }],
    methods: [{ name: "Weight", kind: "weight", weightTiers: [{ upToGrams: null, price: 9 }] }],
  });
  expect(zone.status).toBe(201);
  const zoneId = (zone.body as { id: string }).id;
  called.push("post /shipping-zones");
  await call(staff, "GET", "/shipping-zones");
  called.push("get /shipping-zones");
  await call(staff, "PATCH", `/shipping-zones/${zoneId}`, { position: 3, regions: [{ country: "NZ" }] });
  called.push("patch /shipping-zones/{id}");
  const method = await call(staff, "POST", `/shipping-zones/${zoneId}/methods`, {
    name: "Free over",
    kind: "free_over",
    price: 5,
    threshold: 50,
  });
  const methodId = (method.body as { id: string }).id;
  called.push("post /shipping-zones/{id}/methods");
  const quote = await call(shopper, "POST", "/checkout/quote", {
    items: [{ productId: newProductId, quantity: 2 }],
    shippingAddress: { ...ADDRESS, country: "NZ" },
    shippingMethodId: methodId,
  });
  expect(quote.status).toBe(200);
  called.push("post /checkout/quote");
  await call(staff, "PATCH", `/shipping-methods/${methodId}`, { price: 6, position: 1, active: false });
  called.push("patch /shipping-methods/{id}");
  await call(staff, "DELETE", `/shipping-methods/${methodId}`);
  called.push("delete /shipping-methods/{id}");
  await call(staff, "DELETE", `/shipping-zones/${zoneId}`);
  called.push("delete /shipping-zones/{id}");
  const rate = await call(staff, "PUT", "/tax-rates", { country: "NZ", name: "GST", ratePercent: 15 });
  called.push("put /tax-rates");
  await call(staff, "GET", "/tax-rates?country=NZ");
  called.push("get /tax-rates");
  await call(staff, "DELETE", `/tax-rates/${(rate.body as { id: string }).id}`);
  called.push("delete /tax-rates/{id}");
  await call(staff, "PATCH", "/shop-settings", { taxInclusive: false });
  called.push("patch /shop-settings");
  await call(staff, "GET", "/shop-settings");
  called.push("get /shop-settings");
  await call(staff, "POST", "/promotions", {
    code: "ISOLATION-10",
    type: "percentage",
    value: 10,
    minimumSubtotal: 20,
  });
  called.push("post /promotions");
  await call(staff, "GET", "/promotions?limit=5&active=true&q=isolation");
  called.push("get /promotions");
  await call(staff, "GET", "/promotions/isolation-10");
  called.push("get /promotions/{code}");
  await call(staff, "PATCH", "/promotions/ISOLATION-10", { value: 12.5, endsAt: "2030-01-01T00:00:00Z" });
  called.push("patch /promotions/{code}");
  return called;
}

// Taken before this file makes any request.
const pristine = picture();

beforeAll(async () => {
  t = await startTestApp({ limits: { requestsPerIp: 100_000, ordersPerUser: 1_000 } });
  ({
    client: shopper,
    user: { id: shopperId },
  } = await signedInAs(t, "CUSTOMER"));
  ({ client: staff } = await signedInAs(t, "STAFF"));
  const created = await staff.request<{ id: string }>("POST", "/api/products", {
    json: { name: "Shared Schema Mug", price: 5, stock: 1_000 },
  });
  productId = created.body.id;
});
afterAll(() => t.close());

describe("defect 9: a REST call mutates the shared zod schema", () => {
  it('after a REST POST /api/orders, tRPC order.create still refuses quantity "2", true and [3] with 400', async () => {
    const rest = await shopper.request("POST", "/api/orders", {
      json: { items: [{ productId, quantity: 1 }], shippingAddress: ADDRESS },
    });
    expect(rest.status).toBe(201);
    for (const quantity of ["2", true, [3]]) {
      const refused = await shopper.mutation("order.create", {
        items: [{ productId, quantity }],
        shippingAddress: ADDRESS,
      });
      expect(refused.status, JSON.stringify(quantity)).toBe(400);
    }
    expect(
      sharedSchemas.OrderLineInput.safeParse({ productId, quantity: "2" }).success,
      "OrderLineInput accepts a string quantity",
    ).toBe(false);
  });

  it('REST bodies are not coerced either: quantity "2", true and [3] are a 400 over REST too', async () => {
    for (const quantity of ["2", true, [3]]) {
      const refused = await shopper.request("POST", "/api/orders", {
        json: { items: [{ productId, quantity }], shippingAddress: ADDRESS },
      });
      expect(refused.status, JSON.stringify(quantity)).toBe(400);
    }
  });

  it("leaves every shared, tRPC and REST schema exactly as it was after every REST route ran", async () => {
    expect(Object.keys(pristine).length).toBeGreaterThan(50);
    const called = await exerciseEveryRestRoute();
    const documented = Object.entries(
      (await shopper.request<{ paths: Record<string, object> }>("GET", "/api/openapi.json")).body.paths,
    ).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect([...called].sort()).toEqual([...documented].sort());
    expect(picture()).toEqual(pristine);
  });

  it("query strings are still read as numbers where the REST schema asks for one", async () => {
    const page = await shopper.request<{ products: unknown[] }>("GET", "/api/products?limit=1");
    expect(page.status).toBe(200);
    expect(page.body.products).toHaveLength(1);
    expect((await shopper.request("GET", "/api/products?limit=abc")).status).toBe(400);
  });
});
