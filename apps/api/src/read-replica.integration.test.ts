import { Writable } from "node:stream";
import { createApiServices, defaultRateLimitConfig, installJobQueue, type Services } from "@stockroom/api";
import { createTestProduct, createTestRedis, TEST_WEB_ORIGIN, type TestRedis } from "@stockroom/api/testing";
import { createDb, type Db, migrate } from "@stockroom/db";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";
import { buildServer } from "./server.ts";
import { createServices } from "./services.ts";
import { HttpClient } from "./testing/http-client.ts";
import { type PostgresWithReplica, startPostgresWithReplica } from "./testing/postgres-replica.ts";
import { signedInAs } from "./testing/test-app.ts";

// Its own primary and standby: the test pauses replay and stops the standby.
let servers: PostgresWithReplica;
let db: Db;
let replicaDb: Db;
let testRedis: TestRedis;
let services: Services;
let app: FastifyInstance;
let url: string;
const replicaOutages: unknown[] = [];

const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };

beforeAll(async () => {
  servers = await startPostgresWithReplica();
  await migrate(servers.primary.url);
  await installJobQueue(servers.primary.url);
  db = createDb(servers.primary.url, { poolSize: 4 });
  await db.$executeRaw`CREATE EXTENSION pg_stat_statements`;
  replicaDb = createDb(servers.replicaUrl, { poolSize: 4 });
  testRedis = await createTestRedis();
  services = createApiServices({
    db,
    replicaDb,
    onReplicaUnavailable: (error) => replicaOutages.push(error),
    redis: testRedis.redis,
    authSecret: "test-secret-test-secret-test-secret-0123",
    webOrigins: [TEST_WEB_ORIGIN],
    rateLimits: { ...defaultRateLimitConfig, enabled: false },
    quietAuth: true,
  });
  app = await buildServer({ services, trustedOrigins: [TEST_WEB_ORIGIN], logLevel: "silent" });
  await app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}, 180_000);

afterAll(async () => {
  await app?.close();
  await Promise.allSettled([db?.$disconnect(), replicaDb?.$disconnect(), testRedis?.cleanup()]);
  await servers?.destroy();
}, 120_000);

/** How often each server has run statements whose text contains `fragment` (pg_stat_statements). */
async function calls(fragment: string): Promise<{ primary: number; replica: number }> {
  const count = async (client: Db) => {
    const [row] = await client.$queryRaw<[{ calls: number }]>`
      SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
      WHERE query LIKE ${`%${fragment}%`} AND query NOT LIKE '%pg_stat_statements%'`;
    return row.calls;
  };
  return { primary: await count(db), replica: await count(replicaDb) };
}

const LIST_SQL = "FROM product p"; // listProducts' own statement
const PRODUCT_SQL = 'FROM "public"."product" WHERE'; // getProduct's findUnique
const ORDER_SQL = 'INSERT INTO "order"';

/** A product written straight to the primary, and the catalog cache told (as the catalog service would). */
async function createProduct(slug: string, priceCents: number) {
  const product = await createTestProduct(db, { slug, name: slug, priceCents, stock: 50 });
  await services.cache.invalidate();
  return product;
}

type Priced = { id: string; priceCents?: number; price?: number };
const shopper = () => new HttpClient(url);

/** The price each shopper read shows for `product`: tRPC list and by slug, REST list and by id. */
async function shopperPrices(product: { id: string; slug: string }) {
  const client = shopper();
  const list = await client.query("product.list", { limit: 50 });
  const bySlug = await client.query("product.bySlug", { slug: product.slug });
  const restList = await client.request<{ products: Priced[] }>("GET", "/api/products?limit=50");
  const restById = await client.request<Priced>("GET", `/api/products/${product.id}`);
  expect([list.status, bySlug.status, restList.status, restById.status]).toEqual([200, 200, 200, 200]);
  const inList = (products: Priced[]) => products.find((p) => p.id === product.id);
  return {
    list: inList((list.data as { products: Priced[] }).products)?.priceCents,
    bySlug: (bySlug.data as Priced).priceCents,
    restList: inList(restList.body.products)?.price,
    restById: restById.body.price,
  };
}

describe("catalog reads from a streaming read replica", () => {
  it("serves shoppers' catalog reads from the replica, and staff reads and orders from the primary", {
    timeout: 120_000,
  }, async () => {
    const product = await createProduct("replica-served", 1500);
    await servers.waitForReplay();
    const before = { list: await calls(LIST_SQL), product: await calls(PRODUCT_SQL) };

    expect(await shopperPrices(product)).toEqual({ list: 1500, bySlug: 1500, restList: 15, restById: 15 });

    const after = { list: await calls(LIST_SQL), product: await calls(PRODUCT_SQL) };
    // Two list statements (tRPC and REST cache keys differ) and two detail reads, all on the replica.
    expect(after.list.replica - before.list.replica).toBe(2);
    expect(after.product.replica - before.product.replica).toBe(2);
    expect(after.list.primary).toBe(before.list.primary);
    expect(after.product.primary).toBe(before.product.primary);

    // A staff read and an order (read-your-own-write paths) run on the primary, without error.
    const { client: staff } = await signedInAs({ db, url }, "STAFF");
    const staffRead = await staff.query("product.byId", { id: product.id });
    expect(staffRead.status).toBe(200);
    expect((await calls(PRODUCT_SQL)).primary).toBeGreaterThan(after.product.primary);
    const { client: customer } = await signedInAs({ db, url }, "CUSTOMER");
    const order = await customer.request<{ id: string }>("POST", "/api/orders", {
      json: { items: [{ productId: product.id, quantity: 1 }], shippingAddress: ADDRESS },
    });
    expect(order.status).toBe(201);
    expect(await db.order.count({ where: { id: order.body.id } })).toBe(1);
    const orderStatements = await calls(ORDER_SQL);
    expect(orderStatements.replica).toBe(0);
    expect(orderStatements.primary).toBeGreaterThan(0);
  });

  it("a cache miss after a price change never caches the lagging replica's old price", {
    timeout: 120_000,
  }, async () => {
    const product = await createProduct("replica-lagging", 1000);
    await servers.waitForReplay();
    expect(await shopperPrices(product)).toEqual({ list: 1000, bySlug: 1000, restList: 10, restById: 10 });

    await servers.pauseReplay();
    try {
      const { client: staff } = await signedInAs({ db, url }, "STAFF");
      const update = await staff.mutation("product.update", { id: product.id, patch: { priceCents: 1999 } });
      expect(update.status).toBe(200);
      // The replica really is behind: it still holds the old price.
      const onReplica = await replicaDb.product.findUniqueOrThrow({ where: { id: product.id } });
      expect(onReplica.priceCents).toBe(1000);

      const expected = { list: 1999, bySlug: 1999, restList: 19.99, restById: 19.99 };
      expect(await shopperPrices(product)).toEqual(expected);
      // The second read comes from the cache that the first read filled.
      expect(await shopperPrices(product)).toEqual(expected);

      // Orders keep working on the primary while the replica is behind.
      const { user } = await signedInAs({ db, url }, "CUSTOMER").then(async (signedIn) => {
        const placed = await signedIn.client.request("POST", "/api/orders", {
          json: { items: [{ productId: product.id, quantity: 1 }], shippingAddress: ADDRESS },
        });
        expect(placed.status).toBe(201);
        return signedIn;
      });
      expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
      expect(await replicaDb.order.count({ where: { userId: user.id } })).toBe(0);
    } finally {
      await servers.resumeReplay();
    }
    await servers.waitForReplay();
  });

  it("with the replica stopped, catalog reads fall back to the primary, reported once", {
    timeout: 180_000,
  }, async () => {
    const product = await createProduct("replica-down", 3000);
    await servers.waitForReplay();
    const outagesBefore = replicaOutages.length;
    await servers.stopReplica();
    try {
      expect(await shopperPrices(product)).toEqual({ list: 3000, bySlug: 3000, restList: 30, restById: 30 });
      const { client: staff } = await signedInAs({ db, url }, "STAFF");
      await staff.mutation("product.update", { id: product.id, patch: { priceCents: 3100 } });
      expect(await shopperPrices(product)).toEqual({ list: 3100, bySlug: 3100, restList: 31, restById: 31 });
      expect(replicaOutages.length - outagesBefore).toBe(1);
    } finally {
      await servers.startReplica();
    }
    // Back on the replica once it answers again (after the few seconds a failed replica is skipped).
    await expect
      .poll(
        () =>
          services.readReplica.read(db, async (client) => {
            const [row] = await client.$queryRaw<
              [{ standby: boolean }]
            >`SELECT pg_is_in_recovery() AS standby`;
            return row.standby;
          }),
        { timeout: 60_000, interval: 250 },
      )
      .toBe(true);
  });

  it("DATABASE_REPLICA_URL gives the API's services a replica pool, and an unreachable one is logged once", {
    timeout: 60_000,
  }, async () => {
    const lines: string[] = [];
    const log = pino(
      { level: "warn" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const env = (replica: string) =>
      readApiEnv({
        NODE_ENV: "development",
        DATABASE_URL: servers.primary.url,
        DATABASE_REPLICA_URL: replica,
      });
    const standby = await createServices(env(servers.replicaUrl), log);
    const unreachable = await createServices(env("postgresql://postgres@127.0.0.1:1/stockroom"), log);
    const inRecovery = (client: { $queryRaw: Db["$queryRaw"] }) =>
      client.$queryRaw<[{ standby: boolean }]>`SELECT pg_is_in_recovery() AS standby`.then(
        ([row]) => row.standby,
      );
    try {
      await servers.waitForReplay();
      expect(await standby.readReplica.read(standby.db, inRecovery)).toBe(true);
      expect(await unreachable.readReplica.read(unreachable.db, inRecovery)).toBe(false);
      expect(await unreachable.readReplica.read(unreachable.db, inRecovery)).toBe(false);
      expect(lines.filter((line) => line.includes("read replica unavailable"))).toHaveLength(1);
    } finally {
      for (const each of [standby, unreachable]) {
        await Promise.allSettled([each.db.$disconnect(), each.readReplica.disconnect(), each.redis?.quit()]);
      }
    }
  });
});
