import { createRedis } from "@stockroom/api";
import { createTestRedis, type TestRedis } from "@stockroom/api/testing";
import { createDb, type Db } from "@stockroom/db";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "@stockroom/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.ts";

let name: string;
let db: Db;
let testRedis: TestRedis;
let app: FastifyInstance;
let base: string;

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ port: 0, host: "127.0.0.1" });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
  name = await cloneTemplateDatabase();
  db = createDb(databaseUrl(name), { poolSize: 2 });
  testRedis = await createTestRedis();
  await db.category.create({ data: { slug: "kitchen", name: "Kitchen" } });
  app = await buildServer({ db, redis: testRedis.redis, logLevel: "silent" });
  base = await listen(app);
});
afterAll(async () => {
  await app.close();
  await db.$disconnect();
  await testRedis.cleanup();
  await dropDatabase(name);
});

describe("API server", () => {
  it("answers /healthz while the process is up", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 when Postgres and Redis answer", async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, postgres: "ok", redis: "ok" });
  });

  it("answers /readyz with 503 naming Redis when Redis is unreachable", async () => {
    // Nothing listens on port 1: the client can never connect.
    const deadRedis = createRedis("redis://127.0.0.1:1/0");
    const server = await buildServer({ db, redis: deadRedis, logLevel: "silent" });
    try {
      const response = await fetch(`${await listen(server)}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ready: false, postgres: "ok", redis: "unreachable" });
    } finally {
      await server.close();
      deadRedis.disconnect();
    }
  });

  it("answers /readyz with 503 naming Postgres when Postgres is unreachable", async () => {
    const deadDb = createDb("postgresql://postgres@127.0.0.1:1/none", { poolSize: 1 });
    const server = await buildServer({ db: deadDb, redis: testRedis.redis, logLevel: "silent" });
    try {
      const response = await fetch(`${await listen(server)}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ ready: false, postgres: "unreachable", redis: "ok" });
    } finally {
      await server.close();
      await deadDb.$disconnect();
    }
  });

  it("serves the tRPC router at /api/trpc", async () => {
    const response = await fetch(`${base}/api/trpc/product.categories`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: { slug: string }[] } } };
    expect(body.result.data.json.map((category) => category.slug)).toEqual(["kitchen"]);
  });

  it("echoes an incoming request id and generates one otherwise", async () => {
    const echoed = await fetch(`${base}/healthz`, { headers: { "x-request-id": "req-from-test" } });
    expect(echoed.headers.get("x-request-id")).toBe("req-from-test");
    const generated = await fetch(`${base}/healthz`);
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
