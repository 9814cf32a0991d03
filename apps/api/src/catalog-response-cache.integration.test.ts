import { createRedis } from "@stockroom/api";
import { createTestUser } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSharedCatalogRead } from "./catalog-response-cache.ts";
import { HttpClient } from "./testing/http-client.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

const PASSWORD = "cache-password-123";
let t: TestApp;
let staff: HttpClient;
let anonymous: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  const user = await createTestUser(t.db, { role: "STAFF", password: PASSWORD });
  staff = new HttpClient(t.url);
  await staff.signIn(user.email, PASSWORD);
  anonymous = new HttpClient(t.url);
});
afterAll(() => t.close());

type ProductBody = { id: string; stock: number; price: number };

describe("catalog response cache", () => {
  it("answers a repeated product list or product read with the stored bytes until a write", async () => {
    const created = await staff.request<ProductBody>("POST", "/api/products", {
      json: { name: "Cached Teapot", price: 30, stock: 4 },
    });
    const path = `/api/products/${created.body.id}`;
    const first = await anonymous.request<ProductBody>("GET", path);
    expect(first.headers.get("x-cache")).toBe("miss");
    const second = await anonymous.request<ProductBody>("GET", path);
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("content-type")).toContain("application/json");
    // Security headers are on hits too.
    expect(second.headers.get("x-content-type-options")).toBe("nosniff");

    await staff.request("POST", `/api/inventory/${created.body.id}/adjustments`, {
      json: { delta: 3, reason: "restock" },
    });
    const afterWrite = await anonymous.request<ProductBody>("GET", path);
    expect(afterWrite.headers.get("x-cache")).toBe("miss");
    expect(afterWrite.body.stock).toBe(7);

    const list = () => anonymous.request<{ products: ProductBody[] }>("GET", "/api/products?limit=5");
    expect((await list()).headers.get("x-cache")).toBe("miss");
    const cachedList = await list();
    expect(cachedList.headers.get("x-cache")).toBe("hit");
    await staff.request("POST", "/api/products", { json: { name: "Newer Teapot", price: 31 } });
    const fresh = await list();
    expect(fresh.headers.get("x-cache")).toBe("miss");
    expect(fresh.body.products[0]).not.toEqual(cachedList.body.products[0]);
  });

  it("after a sale, re-reads only the responses that show the product sold", async () => {
    const sold = await staff.request<ProductBody>("POST", "/api/products", {
      json: { name: "Sold Jug", price: 20, stock: 9 },
    });
    const kept = await staff.request<ProductBody>("POST", "/api/products", {
      json: { name: "Kept Jug", price: 21, stock: 9 },
    });
    const soldPath = `/api/products/${sold.body.id}`;
    const keptPath = `/api/products/${kept.body.id}`;
    for (const path of [soldPath, keptPath, soldPath, keptPath]) await anonymous.request("GET", path);

    const customer = await createTestUser(t.db, { password: PASSWORD });
    const shopper = new HttpClient(t.url);
    await shopper.signIn(customer.email, PASSWORD);
    const order = await shopper.request("POST", "/api/orders", {
      json: {
        items: [{ productId: sold.body.id, quantity: 4 }],
        shippingAddress: { street: "1 Jug Lane", city: "Leeds", state: "WY", zip: "LS1 1AA" },
      },
    });
    expect(order.status).toBe(201);

    const soldAfter = await anonymous.request<ProductBody>("GET", soldPath);
    expect(soldAfter.headers.get("x-cache")).toBe("miss");
    expect(soldAfter.body.stock).toBe(5);
    const keptAfter = await anonymous.request<ProductBody>("GET", keptPath);
    expect(keptAfter.headers.get("x-cache")).toBe("hit");
    expect(keptAfter.body.stock).toBe(9);
  });

  it("answers a query it cannot decode with a 4xx from the route, not a 500", async () => {
    const response = await anonymous.request("GET", "/api/trpc/product.list?input=%E0%A4%A");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("stores only successful answers, so a missing product is looked up every time", async () => {
    const path = "/api/products/00000000-0000-4000-8000-000000000000";
    for (let i = 0; i < 2; i += 1) {
      const response = await anonymous.request("GET", path);
      expect(response.status).toBe(404);
      expect(response.headers.get("x-cache")).toBe("miss");
    }
  });

  it("serves tRPC product lists too, but never a staff view of archived products", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { limit: 3 } }));
    const path = `/api/trpc/product.list?input=${input}`;
    await anonymous.request("GET", path);
    const hit = await anonymous.request<{ result: { data: { json: { products: unknown[] } } } }>("GET", path);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("content-type")).toContain("application/json");
    expect(hit.body.result.data.json.products.length).toBeGreaterThan(0);

    const archived = encodeURIComponent(JSON.stringify({ json: { limit: 3, includeArchived: true } }));
    const staffView = await staff.request("GET", `/api/trpc/product.list?input=${archived}`);
    expect(staffView.status).toBe(200);
    expect(staffView.headers.get("x-cache")).toBeNull();
  });

  it("caches nothing, and still answers, when Redis is unreachable", async () => {
    const offline = await startTestApp({ redis: createRedis("redis://127.0.0.1:1/0") });
    try {
      const client = new HttpClient(offline.url);
      for (let i = 0; i < 2; i += 1) {
        const response = await client.request("GET", "/api/products?limit=2");
        expect(response.status).toBe(200);
        expect(response.headers.get("x-cache")).toBe("miss");
      }
    } finally {
      await offline.close();
    }
  });
});

describe("which reads are shared", () => {
  it("covers public catalog GETs and nothing that depends on the caller", () => {
    expect(isSharedCatalogRead("GET", "/api/products?limit=24")).toBe(true);
    expect(isSharedCatalogRead("GET", "/api/products/abc")).toBe(true);
    expect(isSharedCatalogRead("GET", "/api/trpc/product.categories")).toBe(true);
    expect(isSharedCatalogRead("POST", "/api/products")).toBe(false);
    expect(isSharedCatalogRead("GET", "/api/orders/abc")).toBe(false);
    expect(isSharedCatalogRead("GET", "/api/trpc/product.bySlug?input=x")).toBe(false);
    expect(isSharedCatalogRead("GET", "/api/trpc/product.list,product.categories?batch=1&input=x")).toBe(
      false,
    );
    expect(isSharedCatalogRead("GET", "/api/trpc/product.list?input=x", "application/jsonl")).toBe(false);
    expect(isSharedCatalogRead("GET", "/api/trpc/product.list?input=%E0%A4%A")).toBe(false);
  });
});
