import { createRedis } from "@stockroom/api";
import { createDb } from "@stockroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.ts";
import { createTestServices, startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await t.db.category.create({ data: { slug: "kitchen", name: "Kitchen" } });
});
afterAll(() => t.close());

async function readyzOf(services: ReturnType<typeof createTestServices>) {
  const server = await buildServer({ services, trustedOrigins: [WEB_ORIGIN], logLevel: "silent" });
  try {
    const response = await server.inject({ method: "GET", url: "/readyz" });
    return { status: response.statusCode, body: response.json() };
  } finally {
    await server.close();
  }
}

describe("API server", () => {
  it("answers /healthz while the process is up", async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 when Postgres and Redis answer", async () => {
    const response = await fetch(`${t.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, postgres: "ok", redis: "ok" });
  });

  it("answers /readyz with 503 naming Redis when Redis is unreachable", async () => {
    // Nothing listens on port 1: the client can never connect.
    const deadRedis = createRedis("redis://127.0.0.1:1/0");
    try {
      expect(await readyzOf(createTestServices(t.db, deadRedis))).toEqual({
        status: 503,
        body: { ready: false, postgres: "ok", redis: "unreachable" },
      });
    } finally {
      deadRedis.disconnect();
    }
  });

  it("answers /readyz with 503 naming Postgres when Postgres is unreachable", async () => {
    const deadDb = createDb("postgresql://postgres@127.0.0.1:1/none", { poolSize: 1 });
    try {
      expect(await readyzOf(createTestServices(deadDb, t.testRedis.redis))).toEqual({
        status: 503,
        body: { ready: false, postgres: "unreachable", redis: "ok" },
      });
    } finally {
      await deadDb.$disconnect();
    }
  });

  it("reports Redis as disabled, and stays ready, in single-process mode", async () => {
    expect(await readyzOf(createTestServices(t.db, undefined))).toEqual({
      status: 200,
      body: { ready: true, postgres: "ok", redis: "disabled" },
    });
  });

  it("serves the tRPC router at /api/trpc", async () => {
    const response = await fetch(`${t.url}/api/trpc/product.categories`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { slug: string }[] } } };
    expect(body.result.data.json.map((category) => category.slug)).toEqual(["kitchen"]);
  });

  it("echoes an incoming request id and generates one otherwise", async () => {
    const echoed = await fetch(`${t.url}/healthz`, { headers: { "x-request-id": "req-from-test" } });
    expect(echoed.headers.get("x-request-id")).toBe("req-from-test");
    const generated = await fetch(`${t.url}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
