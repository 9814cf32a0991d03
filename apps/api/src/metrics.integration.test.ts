import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

const METRICS_TOKEN = "metrics-test-token-0123456789";
const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
let t: TestApp;
let scrape: string;

/** The value of one exact series line (`name{labels} value`), or undefined when it is not there. */
function seriesValue(series: string): number | undefined {
  const line = scrape.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

function scrapeWith(headers: Record<string, string>) {
  return fetch(`${t.url}/metrics`, { headers });
}

beforeAll(async () => {
  t = await startTestApp({ metricsToken: METRICS_TOKEN });
  const { client: shopper } = await signedInAs(t, "CUSTOMER");
  const { client: staff } = await signedInAs(t, "STAFF");
  const created = await staff.request("POST", "/api/products", {
    json: { name: "Copper Kettle", price: 59.99, stock: 3 },
  });
  expect(created.status).toBe(201);
  const kettle = created.body as { id: string };
  const anonymous = new HttpClient(t.url);
  expect((await anonymous.request("GET", "/api/products")).status).toBe(200);
  expect((await anonymous.request("GET", "/api/products")).status).toBe(200);
  expect((await anonymous.request("GET", `/api/products/${kettle.id}`)).status).toBe(200);
  expect((await anonymous.query("product.list", {})).status).toBe(200);
  expect((await anonymous.request("GET", "/no/such/route")).status).toBe(404);

  const one = { items: [{ productId: kettle.id, quantity: 1 }], shippingAddress: ADDRESS };
  const tooMany = { items: [{ productId: kettle.id, quantity: 50 }], shippingAddress: ADDRESS };
  expect((await shopper.request("POST", "/api/orders", { json: one })).status).toBe(201);
  expect((await shopper.mutation("order.create", one)).status).toBe(200);
  expect((await shopper.request("POST", "/api/orders", { json: tooMany })).status).toBe(400);
  expect((await shopper.mutation("order.create", tooMany)).status).toBe(400);
  const zero = { items: [{ productId: kettle.id, quantity: 0 }], shippingAddress: ADDRESS };
  expect((await shopper.mutation("order.create", zero)).status).toBe(400);

  const response = await scrapeWith({ authorization: `Bearer ${METRICS_TOKEN}` });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  scrape = await response.text();
});
afterAll(() => t.close());

describe("GET /metrics", () => {
  it("refuses a scrape without the token or with a wrong one (401)", async () => {
    expect((await scrapeWith({})).status).toBe(401);
    expect((await scrapeWith({ authorization: "Bearer wrong" })).status).toBe(401);
    expect((await scrapeWith({ authorization: `Bearer ${METRICS_TOKEN}x` })).status).toBe(401);
    expect((await scrapeWith({ authorization: METRICS_TOKEN })).status).toBe(401);
  });

  it("counts placed orders and refusals by reason, on REST and tRPC", () => {
    expect(seriesValue('stockroom_orders_total{outcome="placed"}')).toBe(2);
    expect(seriesValue('stockroom_orders_refused_total{reason="insufficient_inventory"}')).toBe(2);
    expect(seriesValue('stockroom_orders_refused_total{reason="invalid_input"}')).toBe(1);
  });

  it("times requests by route pattern and status, never by raw URL, and not its own scrapes", () => {
    expect(
      seriesValue(
        'http_request_duration_seconds_count{method="GET",route="/api/products",status_code="200"}',
      ),
    ).toBe(2);
    expect(
      seriesValue(
        'http_request_duration_seconds_count{method="GET",route="/api/products/{id}",status_code="200"}',
      ),
    ).toBe(1);
    expect(
      seriesValue('http_request_duration_seconds_count{method="POST",route="/api/orders",status_code="201"}'),
    ).toBe(1);
    expect(
      seriesValue(
        'http_request_duration_seconds_count{method="POST",route="/api/trpc/:path",status_code="200"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      seriesValue('http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}'),
    ).toBe(1);
    const products = 'method="GET",route="/api/products",status_code="200"';
    expect(seriesValue(`http_request_duration_seconds_bucket{${products},le="+Inf"}`)).toBe(2);
    expect(seriesValue(`http_request_duration_seconds_bucket{${products},le="10"}`)).toBe(2);
    expect(seriesValue(`http_request_duration_seconds_sum{${products}}`)).toBeGreaterThan(0);
    expect(scrape).toContain("# TYPE http_request_duration_seconds histogram");
    expect(scrape).not.toContain("/no/such/route");
    expect(scrape).not.toContain('route="/metrics"');
  });

  it("counts catalog response cache hits and misses", () => {
    expect(seriesValue('stockroom_catalog_response_cache_total{result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(seriesValue('stockroom_catalog_response_cache_total{result="hit"}')).toBeGreaterThanOrEqual(1);
  });

  it("reports the job queue per task (no worker runs here), the pool and event-loop lag", () => {
    expect(seriesValue('stockroom_job_queue_depth{task="order.created"}')).toBeGreaterThanOrEqual(2);
    expect(
      seriesValue('stockroom_job_queue_oldest_age_seconds{task="order.created"}'),
    ).toBeGreaterThanOrEqual(0);
    expect(seriesValue('stockroom_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
    expect(seriesValue('stockroom_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(seriesValue("stockroom_db_pool_waiting")).toBe(0);
    expect(seriesValue("nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("is not in the OpenAPI document", async () => {
    const document = (await new HttpClient(t.url).request("GET", "/api/openapi.json")).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths).some((path) => path.includes("metrics"))).toBe(false);
  });
});

describe("GET /metrics without METRICS_TOKEN", () => {
  let open: TestApp;
  beforeAll(async () => {
    open = await startTestApp();
  });
  afterAll(() => open.close());

  it("answers a direct client on this host", async () => {
    const response = await fetch(`${open.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("nodejs_eventloop_lag_seconds");
  });

  it("is a 404 for another host, whatever X-Forwarded-For says, and for a request a local proxy forwarded", async () => {
    const remote = await open.app.inject({
      url: "/metrics",
      remoteAddress: "203.0.113.9",
      headers: { "x-forwarded-for": "127.0.0.1" },
    });
    expect(remote.statusCode).toBe(404);
    const forwarded = await fetch(`${open.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(forwarded.status).toBe(404);
    expect(await forwarded.json()).toEqual({ error: "Not found" });
  });
});
