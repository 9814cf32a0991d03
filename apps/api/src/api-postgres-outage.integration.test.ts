import { type ChildProcess, execFile, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { installJobQueue } from "@stockroom/api";
import { createTestProduct, createTestUser } from "@stockroom/api/testing";
import { createDb, type Db, migrate, poolOf } from "@stockroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { type PrivatePostgres, startPrivatePostgres } from "./testing/private-postgres.ts";
import { freePort, pollUntil } from "./testing/processes.ts";

// Its own Postgres server, because the test stops it: the shared one on 5432 is never touched.
const API_DIR = fileURLToPath(new URL("..", import.meta.url));
const UNAVAILABLE = { error: "Service unavailable" };
const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
let server: PrivatePostgres | undefined;
let db: Db | undefined;
let api: ChildProcess | undefined;
let redis: ChildProcess | undefined;
let redisPort = 0;
let output = "";
let url = "";

beforeAll(async () => {
  server = await startPrivatePostgres();
  await migrate(server.url);
  await installJobQueue(server.url);
  db = createDb(server.url, { poolSize: 4 });
  poolOf(db)?.on("error", () => {}); // the stop closes this test's idle connections too
  // Its own Redis too: the catalog response cache in the shared one holds other tests' products.
  redisPort = await freePort();
  redis = spawn(
    "redis-server",
    ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: server.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
      API_PORT: String(port),
      LOG_LEVEL: "warn",
      RATE_LIMITS: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  api.stdout?.on("data", (chunk) => (output += chunk));
  api.stderr?.on("data", (chunk) => (output += chunk));
  await pollUntil("the API to be ready", 120_000, async () => {
    if (api?.exitCode !== null) throw new Error(`the API exited during start-up:\n${output}`);
    const response = await fetch(`${url}/readyz`).catch(() => undefined);
    return response?.status === 200 ? true : undefined;
  });
  expect(output).not.toContain("SINGLE-PROCESS MODE");
}, 180_000);

afterAll(async () => {
  if (api && api.exitCode === null) api.kill("SIGKILL");
  if (redis && redis.exitCode === null) redis.kill("SIGKILL");
  await db?.$disconnect().catch(() => {});
  await server?.destroy();
}, 120_000);

function createKettle(stock: number) {
  return createTestProduct(db!, { name: "Kettle", slug: `kettle-${Date.now()}`, priceCents: 2_500, stock });
}

const alive = () => api?.exitCode === null && api.signalCode === null;

describe("the API while Postgres is down", () => {
  it("answers 503 Service unavailable on every surface, never 500, and recovers within 5 s", {
    timeout: 300_000,
  }, async () => {
    const kettle = await createKettle(1_000);
    const user = await createTestUser(db!);
    const shopper = new HttpClient(url);
    expect((await shopper.signIn(user.email, user.password)).status).toBe(200);
    const order = { items: [{ productId: kettle.id, quantity: 1 }], shippingAddress: ADDRESS };
    expect((await shopper.request("POST", "/api/orders", { json: order })).status, output).toBe(201);

    await server!.stop();
    const anonymous = new HttpClient(url);
    const rest = [
      await anonymous.request("GET", "/api/products?limit=5"),
      await anonymous.request("GET", `/api/products/${kettle.id}`),
      await shopper.request("POST", "/api/orders", { json: order }),
      await anonymous.signIn(user.email, user.password),
    ];
    for (const response of rest) {
      expect({ status: response.status, body: response.body }, output.slice(-3000)).toEqual({
        status: 503,
        body: UNAVAILABLE,
      });
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    const trpc = [
      await anonymous.query("product.list", { limit: 5 }),
      await anonymous.query("product.byId", { id: kettle.id }),
      await shopper.mutation("order.create", order),
    ];
    for (const response of trpc) {
      expect(response.status, output.slice(-3000)).toBe(503);
      expect(response.error).toMatchObject({
        message: "Service unavailable",
        data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 },
      });
    }
    // A session Redis no longer holds is looked up in Postgres before any procedure runs: a 503 too.
    await promisify(execFile)("redis-cli", ["-p", String(redisPort), "FLUSHALL"]);
    const restLookup = await shopper.request("POST", "/api/orders", { json: order });
    expect({ status: restLookup.status, body: restLookup.body }, output.slice(-3000)).toEqual({
      status: 503,
      body: UNAVAILABLE,
    });
    const trpcLookup = await shopper.mutation("order.create", order);
    expect(trpcLookup.status, output.slice(-3000)).toBe(503);
    expect(trpcLookup.error).toMatchObject({
      message: "Service unavailable",
      data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503 },
    });
    const readyAt = Date.now();
    const readiness = await fetch(`${url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(Date.now() - readyAt).toBeLessThan(5_000);
    expect(output).not.toMatch(/"level":50/);
    expect(alive(), output.slice(-3000)).toBe(true);

    await server!.start();
    const startedAt = Date.now();
    await pollUntil("a product list to succeed", 60_000, async () => {
      const response = await anonymous.request("GET", "/api/products?limit=5");
      if (response.status !== 503) expect(response.status).toBe(200);
      return response.status === 200 ? true : undefined;
    });
    const recoveryMs = Date.now() - startedAt;
    console.info(`first success ${recoveryMs} ms after Postgres started`);
    expect(recoveryMs).toBeLessThanOrEqual(5_000);
    expect((await shopper.request("POST", "/api/orders", { json: order })).status).toBe(201);
    expect(alive()).toBe(true);
  });

  it("loses no acknowledged order and half-writes none while Postgres stops, starts and restarts under load", {
    timeout: 300_000,
  }, async () => {
    const stock = 10_000;
    const kettle = await createKettle(stock);
    const user = await createTestUser(db!);
    const shopper = new HttpClient(url);
    expect((await shopper.signIn(user.email, user.password)).status).toBe(200);
    const order = { items: [{ productId: kettle.id, quantity: 1 }], shippingAddress: ADDRESS };

    const outcomes: { status?: number; id?: string; failure?: string }[] = [];
    let loading = true;
    const placeOne = async (viaTrpc: boolean) => {
      try {
        if (viaTrpc) {
          const result = await shopper.mutation("order.create", order);
          outcomes.push({ status: result.status, id: (result.data as { id?: string } | undefined)?.id });
        } else {
          const result = await shopper.request<{ id?: string }>("POST", "/api/orders", { json: order });
          outcomes.push({ status: result.status, id: result.body?.id });
        }
      } catch (error) {
        outcomes.push({ failure: String((error as Error).cause ?? error) });
      }
    };
    const load = Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        for (let i = 0; loading; i += 1) await placeOne((lane + i) % 2 === 0);
      }),
    );
    const acknowledged = () => outcomes.filter((outcome) => outcome.status === 200 || outcome.status === 201);
    await pollUntil("orders to be placed", 60_000, async () =>
      acknowledged().length >= 20 ? true : undefined,
    );

    await server!.stop();
    const downAt = outcomes.length;
    await pollUntil("orders refused while down", 60_000, async () =>
      outcomes.slice(downAt).filter((outcome) => outcome.status === 503).length >= 20 ? true : undefined,
    );
    await server!.start();
    const upAt = acknowledged().length;
    await pollUntil("orders placed again", 60_000, async () =>
      acknowledged().length >= upAt + 20 ? true : undefined,
    );
    await server!.restart();
    const restartedAt = acknowledged().length;
    await pollUntil("orders placed after the restart", 60_000, async () =>
      acknowledged().length >= restartedAt + 20 ? true : undefined,
    );
    loading = false;
    await load;

    expect(alive(), output.slice(-3000)).toBe(true);
    const unexpected = outcomes.filter((outcome) => ![200, 201, 503].includes(outcome.status ?? 0));
    expect(unexpected, output.slice(-3000)).toEqual([]);
    const acknowledgedIds = acknowledged().map((outcome) => outcome.id);
    expect(acknowledgedIds.every((id) => typeof id === "string")).toBe(true);

    const stored = await db!.order.findMany({
      where: { userId: user.id },
      select: {
        id: true,
        items: { select: { quantity: true } },
        history: { select: { toStatus: true } },
        stockMovements: { select: { delta: true } },
      },
    });
    const storedIds = new Set(stored.map((row) => row.id));
    expect(acknowledgedIds.filter((id) => !storedIds.has(id!))).toEqual([]);
    // Whole orders only: each has its item, its first history row and its ledger row.
    for (const row of stored) {
      expect(row.items).toEqual([{ quantity: 1 }]);
      expect(row.history.length).toBeGreaterThanOrEqual(1);
      expect(row.stockMovements).toEqual([{ delta: -1 }]);
    }
    const level = await db!.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: kettle.id } } });
    expect(level.onHand).toBe(stock - stored.length);
    console.info(
      `${outcomes.length} order requests: ${acknowledgedIds.length} acknowledged, ${outcomes.filter((o) => o.status === 503).length} refused with 503, ${stored.length} stored`,
    );
  });
});
