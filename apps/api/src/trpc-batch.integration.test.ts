import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TRPC_BATCH_SIZE } from "./security.ts";
import { HttpClient } from "./testing/http-client.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

/** A batched GET of `calls` tRPC queries, as httpBatchLink sends it. */
function batchPath(calls: number, procedure = "product.categories", separator = ","): string {
  const paths = Array.from({ length: calls }, () => procedure).join(separator);
  const input = Object.fromEntries(Array.from({ length: calls }, (_, index) => [index, { json: null }]));
  return `/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

describe("defect 8: tRPC batches are unbounded", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ limits: { requestsPerIp: 30 } });
  });
  afterAll(() => t.close());

  it("answers a batch of more than 20 calls with a 400 that names the limit, and runs none of them", async () => {
    expect(MAX_TRPC_BATCH_SIZE).toBe(20);
    const client = new HttpClient(t.url, { ip: "198.51.100.80" });
    // About 600 calls, as the probe sent them (short paths keep the URL under Node's header limit).
    const probe = `/api/trpc/${Array.from({ length: 600 }, () => "a").join(",")}?batch=1`;
    for (const path of [batchPath(21), probe, batchPath(21, "product.categories", "%2C")]) {
      const refused = await client.request<{ error: string }>("GET", path);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatch(/at most 20 calls/);
    }
    const mutations = await client.request("POST", batchPath(25, "cart.clear").split("&input")[0]!, {
      json: Object.fromEntries(Array.from({ length: 25 }, (_, index) => [index, { json: null }])),
    });
    expect(mutations.status).toBe(400);
  });

  it("still serves a batch of 20 calls", async () => {
    const client = new HttpClient(t.url, { ip: "198.51.100.81" });
    const served = await client.request<unknown[]>("GET", batchPath(20));
    expect(served.status).toBe(200);
    expect(served.body).toHaveLength(20);
  });

  it("counts every call of a batch against the per-IP request limit", async () => {
    const client = new HttpClient(t.url, { ip: "198.51.100.82" });
    // A budget of 30: a batch of 20 and one of 10 spend it, so the next single call is refused.
    expect((await client.request("GET", batchPath(20))).status).toBe(200);
    expect((await client.request("GET", batchPath(10))).status).toBe(200);
    const limited = await client.query("product.categories");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address has its own budget.
    expect((await new HttpClient(t.url, { ip: "198.51.100.83" }).request("GET", batchPath(20))).status).toBe(
      200,
    );
  });

  it("refuses a batch bigger than what is left of the budget with 429", async () => {
    const client = new HttpClient(t.url, { ip: "198.51.100.84" });
    expect((await client.request("GET", batchPath(20))).status).toBe(200);
    expect((await client.request("GET", batchPath(20))).status).toBe(429);
  });
});
