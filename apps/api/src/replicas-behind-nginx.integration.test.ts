import { randomUUID } from "node:crypto";
import { createTestUser } from "@stockroom/api/testing";
import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addressPool,
  cookieHeaderOf,
  type Outcome,
  send,
  trpcData,
  trpcQueryPath,
} from "./testing/loopback-client.ts";
import { pollUntil } from "./testing/processes.ts";
import { type ReplicaCluster, startReplicaCluster } from "./testing/replica-cluster.ts";

// Two API replicas and two workers on one database and one Redis, behind nginx with the config that
// docs/operations.md shows. Each client address is a loopback address of its own (nginx passes it on as
// X-Forwarded-For), so per-IP budgets are per test client, as they would be per shopper.
const REQUESTS_PER_IP = 100;
const ORDERS_PER_USER = 10;
const DRAIN_MS = 3_000;
const PASSWORD = "replica-test-password";
const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };

const database = useTestDatabase({ poolSize: 4 });
let cluster: ReplicaCluster;
let staffCookie: string;
const nextAddress = addressPool(1);

beforeAll(async () => {
  cluster = await startReplicaCluster(database.url, {
    SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
    RATE_LIMIT_REQUESTS_PER_IP: String(REQUESTS_PER_IP),
    RATE_LIMIT_ORDERS_PER_USER: String(ORDERS_PER_USER),
  });
  staffCookie = (await signIn("STAFF")).cookie;
}, 180_000);
afterAll(() => cluster?.stop());

const via = () => cluster.nginx.url;

async function signIn(role: "CUSTOMER" | "STAFF" = "CUSTOMER", baseUrl = via()) {
  const user = await createTestUser(database.db, { role, password: PASSWORD });
  const response = await send(baseUrl, "POST", "/api/auth/sign-in/email", {
    json: { email: user.email, password: PASSWORD },
    from: nextAddress(),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status ?? response.error}`);
  return { user, cookie: cookieHeaderOf(response) };
}

async function createProduct(stock: number, price = 10) {
  const response = await send(via(), "POST", "/api/products", {
    json: { name: `Lamp ${randomUUID().slice(0, 8)}`, price, stock },
    cookie: staffCookie,
    from: nextAddress(),
  });
  if (response.status !== 201) throw new Error(`product create answered ${response.status}`);
  return response.body as { id: string };
}

function placeOrder(cookie: string, productId: string, from: string) {
  return send(via(), "POST", "/api/orders", {
    json: { items: [{ productId, quantity: 1 }], shippingAddress: ADDRESS },
    headers: { "idempotency-key": `order-${randomUUID()}` },
    cookie,
    from,
  });
}

interface LogLine {
  client: string;
  method: string;
  path: string;
  status: number;
  upstream: string;
}

/** nginx's access log, parsed (the `upstream` format of nginx-config.ts). */
async function accessLog(): Promise<LogLine[]> {
  return (await cluster.nginx.accessLog()).map((line) => {
    const match = /^(\S+) "(\S+) (\S+) [^"]*" (\d+) upstream=(.*) upstream_status=/.exec(line);
    if (!match) throw new Error(`unexpected access log line: ${line}`);
    return {
      client: match[1]!,
      method: match[2]!,
      path: match[3]!,
      status: Number(match[4]),
      upstream: match[5]!,
    };
  });
}

function servedBy(lines: LogLine[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) counts[line.upstream] = (counts[line.upstream] ?? 0) + 1;
  return counts;
}

function statuses(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = String(outcome.status ?? outcome.error);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const [first, second] = [0, 1] as const;
const bothUpstreams = () => cluster.replicas.map((replica) => cluster.upstreamOf(replica)).sort();

describe("two API replicas behind nginx", () => {
  it("a session made on one replica works on the other, and through nginx on both", async () => {
    const [a, b] = [cluster.replicas[first], cluster.replicas[second]];
    const { user, cookie } = await signIn("CUSTOMER", a.url);
    const ordersPath = `/api/users/${user.id}/orders`;
    expect((await send(b.url, "GET", ordersPath, { cookie })).status).toBe(200);
    expect((await send(b.url, "GET", ordersPath)).status).toBe(401);

    const client = "127.0.9.1";
    for (let i = 0; i < 8; i++) {
      expect((await send(via(), "GET", ordersPath, { cookie, from: client })).status).toBe(200);
    }
    const lines = (await accessLog()).filter((line) => line.client === client);
    expect(Object.keys(servedBy(lines)).sort()).toEqual(bothUpstreams());
  });

  it("the per-IP request limit counts across replicas: the limit in total, not per replica", async () => {
    const client = "127.0.10.1";
    const outcomes: Outcome[] = [];
    for (let i = 0; i < REQUESTS_PER_IP * 1.5; i++) {
      outcomes.push(await send(via(), "GET", "/api/products", { from: client }));
    }
    expect(statuses(outcomes)).toEqual({ 200: REQUESTS_PER_IP, 429: REQUESTS_PER_IP / 2 });
    // Both replicas answered a fair share of the successes: each counted the other's requests.
    const served = servedBy(
      (await accessLog()).filter((line) => line.client === client && line.status === 200),
    );
    expect(Object.keys(served).sort()).toEqual(bothUpstreams());
    for (const count of Object.values(served)) expect(count).toBeGreaterThanOrEqual(REQUESTS_PER_IP / 4);
  });

  it("the per-user order limit counts across replicas", async () => {
    const { user, cookie } = await signIn();
    const product = await createProduct(100);
    const client = "127.0.11.1";
    const outcomes: Outcome[] = [];
    for (let i = 0; i < ORDERS_PER_USER + 6; i++) outcomes.push(await placeOrder(cookie, product.id, client));
    expect(statuses(outcomes)).toEqual({ 201: ORDERS_PER_USER, 429: 6 });
    const placed = (await accessLog()).filter((line) => line.client === client && line.status === 201);
    expect(Object.keys(servedBy(placed)).sort()).toEqual(bothUpstreams());
    expect(await database.db.order.count({ where: { userId: user.id } })).toBe(ORDERS_PER_USER);
  });

  it("a price change through one replica is served by the other on the very next read", async () => {
    const [a, b] = [cluster.replicas[first], cluster.replicas[second]];
    const product = await createProduct(5, 10);
    const reads: { path: string; priceOf(outcome: Outcome): number | undefined }[] = [
      { path: `/api/products/${product.id}`, priceOf: (o) => (o.body as { price: number }).price * 100 },
      {
        path: "/api/products",
        priceOf: (o) =>
          (o.body as { products: { id: string; price: number }[] }).products.find((p) => p.id === product.id)!
            .price * 100,
      },
      {
        path: trpcQueryPath("product.byId", { id: product.id }),
        priceOf: (o) => trpcData<{ priceCents: number }>(o).priceCents,
      },
      {
        path: trpcQueryPath("product.list", {}),
        priceOf: (o) =>
          trpcData<{ products: { id: string; priceCents: number }[] }>(o).products.find(
            (p) => p.id === product.id,
          )!.priceCents,
      },
    ];
    const pricesOn = async (baseUrl: string, from?: string) => {
      const prices: (number | undefined)[] = [];
      for (const read of reads) {
        const outcome = await send(baseUrl, "GET", read.path, { from });
        expect(outcome.status, read.path).toBe(200);
        prices.push(Math.round(read.priceOf(outcome)!));
      }
      return prices;
    };
    // Read twice on each replica: the second answer comes from its near cache and response cache.
    for (const replica of [a, b, a, b]) expect(await pricesOn(replica.url)).toEqual([1000, 1000, 1000, 1000]);

    const update = await send(a.url, "POST", "/api/trpc/product.update", {
      json: { json: { id: product.id, patch: { priceCents: 1234 } } },
      cookie: staffCookie,
    });
    expect(update.status).toBe(200);
    expect(await pricesOn(b.url)).toEqual([1234, 1234, 1234, 1234]);
    for (let i = 0; i < 4; i++)
      expect(await pricesOn(via(), nextAddress())).toEqual([1234, 1234, 1234, 1234]);
  });

  it("200 concurrent orders for 20 units across both replicas sell exactly 20", async () => {
    const product = await createProduct(20);
    const shoppers: { cookie: string }[] = [];
    for (let i = 0; i < 20; i++) shoppers.push(await signIn());
    const addresses = addressPool(12);
    const outcomes = await Promise.all(
      shoppers.flatMap((shopper) =>
        Array.from({ length: ORDERS_PER_USER }, () => placeOrder(shopper.cookie, product.id, addresses())),
      ),
    );
    expect(statuses(outcomes)).toEqual({ 201: 20, 400: 180 });
    for (const refused of outcomes.filter((outcome) => outcome.status === 400)) {
      expect(refused.body).toMatchObject({
        error: "Insufficient inventory",
        details: { productId: product.id },
      });
    }

    const db = database.db;
    expect(
      await db.inventoryLevel.findFirst({ where: { variant: { productId: product.id } } }),
    ).toMatchObject({
      onHand: 0,
    });
    expect(await db.orderItem.count({ where: { productId: product.id } })).toBe(20);
    const ledger = await db.stockMovement.findMany({
      where: { productId: product.id },
      orderBy: { createdAt: "asc" },
    });
    expect(ledger.reduce((sum, movement) => sum + movement.delta, 0)).toBe(0);
    expect(ledger.filter((movement) => movement.orderId !== null)).toHaveLength(20);
    expect(Math.min(...ledger.map((movement) => movement.quantityAfter))).toBe(0);
    const placedOn = servedBy(
      (await accessLog()).filter((line) => line.client.startsWith("127.0.12.") && line.status === 201),
    );
    expect(Object.keys(placedOn).sort()).toEqual(bothUpstreams());
  });

  it("a rolling restart under load fails no request, and every order placed is in the database", {
    timeout: 240_000,
  }, async () => {
    const product = await createProduct(100_000, 8);
    const shoppers: { userId: string; cookie: string; orders: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const { user, cookie } = await signIn();
      shoppers.push({ userId: user.id, cookie, orders: 0 });
    }
    const addresses = addressPool(13);
    const reads = [
      `/api/products/${product.id}`,
      "/api/products",
      trpcQueryPath("product.byId", { id: product.id }),
    ];
    const outcomes: (Outcome & { kind: "read" | "order" })[] = [];
    let running = true;
    const reader = async (offset: number) => {
      for (let i = offset; running; i++) {
        outcomes.push({
          kind: "read",
          ...(await send(via(), "GET", reads[i % reads.length]!, { from: addresses() })),
        });
      }
    };
    // Orders pace themselves so no shopper reaches the per-user limit during the run.
    const orderer = async () => {
      while (running) {
        const shopper = shoppers.find((candidate) => candidate.orders < ORDERS_PER_USER - 1);
        if (!shopper) return;
        shopper.orders += 1;
        outcomes.push({ kind: "order", ...(await placeOrder(shopper.cookie, product.id, addresses())) });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const load = Promise.all([...[0, 1, 2, 3, 4, 5].map(reader), orderer(), orderer()]);
    const servedAtLeast = (count: number) =>
      pollUntil(`${count} requests under load`, 60_000, async () =>
        outcomes.length >= count ? true : undefined,
      );

    try {
      await servedAtLeast(100);
      // The runbook's rolling deploy (docs/operations.md): out of nginx, SIGTERM and drain, start, back in.
      for (const replica of cluster.replicas) {
        await cluster.nginx.setDrained([cluster.upstreamOf(replica)]);
        expect(await replica.stop(), replica.output()).toBe(0);
        await replica.start();
        await cluster.nginx.setDrained([]);
        await servedAtLeast(outcomes.length + 100);
      }
    } finally {
      running = false;
      await load;
    }

    const failed = outcomes.filter((outcome) => outcome.status !== (outcome.kind === "order" ? 201 : 200));
    expect(failed).toEqual([]);
    const placed = outcomes.filter((outcome) => outcome.kind === "order").length;
    expect(placed).toBeGreaterThan(20);
    const inDatabase = await database.db.order.count({
      where: { userId: { in: shoppers.map((shopper) => shopper.userId) } },
    });
    expect(inDatabase).toBe(placed);
    const level = await database.db.inventoryLevel.findFirst({
      where: { variant: { productId: product.id } },
    });
    expect(level?.onHand).toBe(100_000 - placed);
    // Both replicas served the run, and none was sent a request while out (no request was retried).
    const lines = (await accessLog()).filter((line) => line.client.startsWith("127.0.13."));
    for (const replica of cluster.replicas)
      expect(lines.some((line) => line.upstream === cluster.upstreamOf(replica))).toBe(true);
    expect(lines.filter((line) => line.upstream.includes(","))).toEqual([]);
  });

  it("the two workers send every order's confirmation e-mail", { timeout: 180_000 }, async () => {
    expect(await database.db.workerHeartbeat.count()).toBeGreaterThanOrEqual(2);
    const orders = await database.db.order.count();
    await pollUntil("every order's confirmation e-mail", 150_000, async () =>
      (await database.db.emailMessage.count({ where: { orderId: { not: null } } })) >= orders
        ? true
        : undefined,
    );
    expect(cluster.workers.every((worker) => worker.alive())).toBe(true);
  });
});
