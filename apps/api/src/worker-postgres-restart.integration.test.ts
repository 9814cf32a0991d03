import { enqueueOrderEvent, installJobQueue } from "@stockroom/api";
import { createDb, type Db, migrate, poolOf } from "@stockroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrivatePostgres, startPrivatePostgres } from "./testing/private-postgres.ts";
import {
  createOrderForMail,
  createShopper,
  spawnWorker,
  type WorkerProcess,
} from "./testing/worker-process.ts";

// Its own Postgres server, because the test restarts it: the shared one on 5432 is never touched.
let server: PrivatePostgres | undefined;
let db: Db | undefined;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  server = await startPrivatePostgres();
  await migrate(server.url);
  await installJobQueue(server.url);
  db = createDb(server.url, { poolSize: 4 });
  poolOf(db)?.on("error", () => {}); // the restart closes this test's idle connections too
}, 180_000);

afterAll(async () => {
  await worker?.stop(10_000);
  await db?.$disconnect().catch(() => {});
  await server?.destroy();
}, 120_000);

/** Enqueues until Postgres accepts it: an enqueue that failed during the restart was never acknowledged. */
async function enqueueAcknowledged(orderId: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await enqueueOrderEvent(db!, { name: "order.created", payload: { orderId } });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("the worker during a Postgres restart", () => {
  it("the worker must not die of a Postgres outage: it pauses, resumes and completes every job once", {
    timeout: 400_000,
  }, async () => {
    const shopper = await createShopper(db!);
    const orders: string[] = [];
    for (let i = 0; i < 60; i += 1) orders.push((await createOrderForMail(db!, shopper)).id);
    worker = spawnWorker({
      DATABASE_URL: server!.url,
      WORKER_CONCURRENCY: "3",
      // Short, so the jobs of a runner replaced during the outage are unlocked quickly.
      WORKER_HEARTBEAT_MS: "500",
      WORKER_SWEEP_MS: "1000",
      WORKER_STALE_AFTER_MS: "3000",
    });
    const messages = () => db!.emailMessage.count({ where: { orderId: { in: orders } } });

    for (const id of orders.slice(0, 10)) await enqueueAcknowledged(id);
    await expect.poll(messages, { timeout: 120_000, interval: 250 }).toBe(10);

    // Under load: jobs keep arriving (one every 20 ms) while Postgres restarts.
    const load = (async () => {
      for (const id of orders.slice(10, 40)) {
        await enqueueAcknowledged(id);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server!.restart();
    await load;
    expect(worker.alive(), worker.output().slice(-4000)).toBe(true);
    for (const id of orders.slice(40, 50)) await enqueueAcknowledged(id);
    await expect.poll(messages, { timeout: 180_000, interval: 500 }).toBe(50);

    // Down for a while: the worker waits, and takes the next jobs once Postgres is back.
    await server!.stop();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(worker.alive(), worker.output().slice(-4000)).toBe(true);
    await server!.start();
    for (const id of orders.slice(50)) await enqueueAcknowledged(id);

    await expect.poll(messages, { timeout: 180_000, interval: 500 }).toBe(60);
    await expect
      .poll(
        () => db!.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`,
        {
          timeout: 180_000,
          interval: 500,
        },
      )
      .toEqual([{ n: 0 }]);
    const perOrder = await db!.emailMessage.groupBy({
      by: ["orderId"],
      where: { orderId: { in: orders } },
      _count: { _all: true },
    });
    expect(perOrder).toHaveLength(60);
    expect(perOrder.every((row) => row._count._all === 1)).toBe(true);
    expect(worker.alive(), worker.output().slice(-4000)).toBe(true);
    // SIGTERM: it finishes what it runs and exits 0.
    expect(await worker.stop(60_000)).toBe(0);
  });
});
