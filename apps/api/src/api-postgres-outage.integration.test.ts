import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { installJobQueue } from "@stockroom/api";
import { createTestUser } from "@stockroom/api/testing";
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
let output = "";
let url = "";

beforeAll(async () => {
  server = await startPrivatePostgres();
  await migrate(server.url);
  await installJobQueue(server.url);
  db = createDb(server.url, { poolSize: 4 });
  poolOf(db)?.on("error", () => {}); // the stop closes this test's idle connections too
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: server.url,
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
}, 180_000);

afterAll(async () => {
  if (api && api.exitCode === null) api.kill("SIGKILL");
  await db?.$disconnect().catch(() => {});
  await server?.destroy();
}, 120_000);

function createKettle(stock: number) {
  return db!.product.create({
    data: {
      name: "Kettle",
      slug: `kettle-${Date.now()}`,
      description: "",
      priceCents: 2_500,
      inventory: { create: { onHand: stock } },
      stockMovements: { create: { delta: stock, reason: "restock", quantityAfter: stock } },
    },
  });
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
    expect(Date.now() - startedAt).toBeLessThanOrEqual(5_000);
    expect((await shopper.request("POST", "/api/orders", { json: order })).status).toBe(201);
    expect(alive()).toBe(true);
  });
});
