import { createRedis, RedisNearCache } from "@stockroom/api";
import { createTestProduct, createTestUser } from "@stockroom/api/testing";
import { useTestDatabase } from "@stockroom/db/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiReplica, createApiReplica } from "./testing/api-process.ts";
import { HttpClient, type HttpResult } from "./testing/http-client.ts";
import { pollUntil } from "./testing/processes.ts";
import { SENTINEL_MASTER_NAME, type SentinelGroup, startSentinelGroup } from "./testing/redis-sentinel.ts";
import { WEB_ORIGIN } from "./testing/test-app.ts";
import { spawnWorker, type WorkerProcess } from "./testing/worker-process.ts";

// A master, a replica and three Sentinels of the test's own; the API finds the master only through the
// Sentinels (REDIS_URL names a port nothing listens on). The master is SIGKILLed while a shopper keeps
// reading the catalog and placing orders.
const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
const NOWHERE = "redis://127.0.0.1:1/0";

const database = useTestDatabase({ poolSize: 4 });
let group: SentinelGroup;
let api: ApiReplica;
let worker: WorkerProcess;

beforeAll(async () => {
  group = await startSentinelGroup();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: NOWHERE,
    REDIS_SENTINELS: group.sentinelList,
    REDIS_SENTINEL_NAME: SENTINEL_MASTER_NAME,
    WEB_ORIGINS: WEB_ORIGIN,
    AUTH_SECRET: "redis-sentinel-failover-test-secret-0123456789",
    RATE_LIMIT_ORDERS_PER_USER: "100000",
    RATE_LIMIT_REQUESTS_PER_IP: "1000000",
  };
  api = await createApiReplica(env);
  await api.start();
  worker = spawnWorker({ ...env, LOG_LEVEL: "warn" });
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await group?.stop();
}, 120_000);

interface Outcome {
  at: number;
  ms: number;
  status: number;
  body: unknown;
}

/** Calls `call` one request after another until `done()`, recording when each began and what it answered. */
async function keepCalling(done: () => boolean, call: () => Promise<HttpResult>, into: Outcome[]) {
  while (!done()) {
    const at = Date.now();
    const result = await call().catch((error: unknown) => ({ status: 0, body: String(error) }));
    into.push({ at, ms: Date.now() - at, status: result.status, body: result.body });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sessionTokenOf(shopper: HttpClient): string {
  const cookie = [...shopper.cookies].find(([name]) => name.endsWith("session_token"));
  if (!cookie) throw new Error("no session cookie after sign-in");
  return decodeURIComponent(cookie[1]).split(".")[0]!;
}

describe("Redis failover under Sentinel", () => {
  it("keeps serving reads, takes orders again within 10 s of the new master, and keeps sessions and the near cache", {
    timeout: 300_000,
  }, async () => {
    expect(api.output()).not.toContain("SINGLE-PROCESS MODE");
    const product = await createTestProduct(database.db, {
      name: "Kettle",
      slug: `kettle-${Date.now()}`,
      priceCents: 2_500,
      stock: 100_000,
    });
    const user = await createTestUser(database.db);
    const shopper = new HttpClient(api.url);
    expect((await shopper.signIn(user.email, user.password)).status).toBe(200);
    const sessionKey = `auth:${sessionTokenOf(shopper)}`;
    const order = { items: [{ productId: product.id, quantity: 1 }], shippingAddress: ADDRESS };
    expect((await shopper.request("POST", "/api/orders", { json: order })).status, api.output()).toBe(201);

    // A near cache of this process's own on a Sentinel-mode client, as the API builds it.
    const client = createRedis(NOWHERE, { sentinels: group.sentinels, name: SENTINEL_MASTER_NAME });
    const near = new RedisNearCache(client, { connectionName: "failover-test" });
    try {
      await expect.poll(() => near.active, { timeout: 30_000 }).toBe(true);
      await client.set("failover-test:price", "100");
      expect(await near.get("failover-test:price")).toBe("100");
      await group.replicaCaughtUp();
      expect(await group.replica.client.exists(sessionKey)).toBe(1);

      const anonymous = new HttpClient(api.url);
      const reads: Outcome[] = [];
      const orders: Outcome[] = [];
      let done = false;
      const load = Promise.all([
        keepCalling(
          () => done,
          () => anonymous.request("GET", "/api/products?limit=5"),
          reads,
        ),
        keepCalling(
          () => done,
          () => anonymous.request("GET", `/api/products/${product.id}`),
          reads,
        ),
        keepCalling(
          () => done,
          () => shopper.request("POST", "/api/orders", { json: order }),
          orders,
        ),
      ]);
      try {
        await pollUntil("load to be flowing", 30_000, async () =>
          reads.length >= 5 && orders.length >= 3 ? true : undefined,
        );
        const oldMaster = await group.masterAddress();
        const killedAt = Date.now();
        await group.killMaster();
        await pollUntil("a Sentinel to name a new master", 60_000, async () =>
          (await group.masterAddress()) !== oldMaster ? true : undefined,
        );
        const failedOverAt = Date.now();
        expect(await group.masterAddress()).toBe(`127.0.0.1:${group.replica.port}`);
        const accepted = await pollUntil("an order accepted after the failover", 60_000, async () =>
          orders.find((outcome) => outcome.at >= failedOverAt && outcome.status === 201),
        );
        const readsAtRecovery = reads.length;
        await pollUntil("more reads after the recovery", 30_000, async () =>
          reads.length >= readsAtRecovery + 10 ? true : undefined,
        );
        done = true;
        await load;

        const refused = orders.filter((outcome) => outcome.status !== 201);
        const slowest = (outcomes: Outcome[]) =>
          Math.max(...outcomes.filter(({ at }) => at >= killedAt && at <= failedOverAt).map(({ ms }) => ms));
        console.log(
          `failover: new master named ${failedOverAt - killedAt} ms after the kill; first order after it ` +
            `accepted ${accepted.at - failedOverAt} ms later; ${orders.length} orders (${refused.length} refused: ` +
            `${[...new Set(refused.map((outcome) => outcome.status))].join(", ") || "none"}), ${reads.length} reads; ` +
            `slowest during the failover: read ${slowest(reads)} ms, order ${slowest(orders)} ms`,
        );
        expect(
          reads.filter((outcome) => outcome.status !== 200),
          api.output().slice(-3000),
        ).toEqual([]);
        for (const outcome of refused) expect([429, 503], JSON.stringify(outcome)).toContain(outcome.status);
        expect(accepted.at - failedOverAt).toBeLessThan(10_000);
      } finally {
        done = true;
        await load;
      }

      // The session made before the kill is on the new master and still signs the shopper in.
      expect(await group.replica.client.exists(sessionKey)).toBe(1);
      const session = await shopper.request<{ user: { email: string } } | null>(
        "GET",
        "/api/auth/get-session",
      );
      expect(session.body?.user.email).toBe(user.email);

      // The near cache tracks again on the new master: a read is kept, and another client's change to it
      // is seen (the copy from before the failover was dropped, the new one invalidated).
      await expect.poll(() => near.active, { timeout: 60_000 }).toBe(true);
      expect(await near.get("failover-test:price")).toBe("100");
      const hits = near.localHits;
      expect(await near.get("failover-test:price")).toBe("100");
      expect(near.localHits).toBe(hits + 1);
      const other = new Redis(group.replica.url, { maxRetriesPerRequest: 1 });
      try {
        await other.set("failover-test:price", "150");
      } finally {
        other.disconnect();
      }
      await expect.poll(() => near.peek("failover-test:price"), { timeout: 30_000 }).toBeUndefined();
      expect(await near.get("failover-test:price")).toBe("150");

      expect(api.output()).not.toMatch(/"level":50/);
      expect(worker.alive(), worker.output()).toBe(true);
    } finally {
      near.close();
      client.disconnect();
    }
  });
});
