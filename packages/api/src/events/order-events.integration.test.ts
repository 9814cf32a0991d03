import { createRequire } from "node:module";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import type { DbClient } from "../db-client.ts";
import { createMugOrder, createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { type EventLog, startEventWorker } from "./event-worker.ts";
import { createDatabaseMailSender } from "./mailer.ts";
import { enqueueOrderEvent } from "./order-events.ts";

// order-events.ts writes graphile-worker's private tables directly (ADR 0010). These tests fail when
// an upgrade changes what that insert was written against, and prove a real worker runs such a job.

const t = useTestContext({ poolSize: 4 });
let shopper: SessionUser;
const quiet: EventLog = { error() {}, warn() {}, info() {}, debug() {} };
const clients: pg.Client[] = [];

beforeAll(async () => {
  shopper = await createTestUser(t.db);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end()));
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  clients.push(client);
  return client;
}

/** A pg client in the shape enqueueOrderEvent calls (the raw query is all it uses). */
function asDbClient(client: pg.Client): DbClient {
  return {
    $executeRawUnsafe: async (sql: string, ...values: unknown[]) =>
      (await client.query(sql, values)).rowCount,
  } as unknown as DbClient;
}

describe("the graphile-worker schema the direct insert was written for", () => {
  it("is graphile-worker 0.17.3 at migration 19", async () => {
    const require = createRequire(import.meta.url);
    expect(require("graphile-worker/package.json").version).toBe("0.17.3");
    const [latest] = await t.db.$queryRaw<{ id: number }[]>`
      SELECT max(id)::int AS id FROM graphile_worker.migrations`;
    expect(latest!.id).toBe(19);
  });

  it("has the columns the insert names, with add_job's types", async () => {
    const columns = await t.db.$queryRaw<{ name: string; type: string }[]>`
      SELECT column_name AS name, data_type AS type FROM information_schema.columns
      WHERE table_schema = 'graphile_worker' AND table_name = '_private_jobs'
        AND column_name IN ('job_queue_id', 'task_id', 'payload', 'run_at', 'max_attempts', 'key',
          'priority', 'flags')
      ORDER BY column_name`;
    expect(columns).toEqual([
      { name: "flags", type: "jsonb" },
      { name: "job_queue_id", type: "integer" },
      { name: "key", type: "text" },
      { name: "max_attempts", type: "smallint" },
      { name: "payload", type: "json" },
      { name: "priority", type: "smallint" },
      { name: "run_at", type: "timestamp with time zone" },
      { name: "task_id", type: "integer" },
    ]);
  });

  it("writes the same job row as graphile-worker's own add_job", async () => {
    const orderId = "00000000-0000-4000-8000-000000000001";
    await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId } });
    await t.db.$executeRaw`
      SELECT graphile_worker.add_job('order.created', json_build_object('orderId', ${orderId}::text),
        max_attempts => 25)`;
    const rows = await t.db.$queryRaw<Record<string, unknown>[]>`
      SELECT to_jsonb(jobs) - 'id' - 'run_at' - 'created_at' - 'updated_at' AS job,
        run_at <= now() AS due
      FROM graphile_worker._private_jobs AS jobs WHERE payload->>'orderId' = ${orderId} ORDER BY id`;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[0]).toMatchObject({
      due: true,
      job: { job_queue_id: null, key: null, priority: 0, max_attempts: 25, attempts: 0, revision: 0 },
    });
    await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE payload->>'orderId' = ${orderId}`;
  });
});

describe("queuing without a NOTIFY", () => {
  /**
   * Runs `change`, then notifies a marker channel from a later transaction. Postgres delivers
   * notifications in commit order, so once the marker has arrived, every jobs:insert notification
   * the change sent has arrived too: no waiting for something that should not happen.
   */
  async function jobNotificationsDuring(change: () => Promise<unknown>): Promise<number> {
    const listener = await connect();
    let jobNotifications = 0;
    let markerArrived: () => void = () => {};
    const marker = new Promise<void>((resolve) => {
      markerArrived = resolve;
    });
    listener.on("notification", (message) => {
      if (message.channel === "jobs:insert") jobNotifications += 1;
      if (message.channel === "order_events_test_marker") markerArrived();
    });
    await listener.query(`LISTEN "jobs:insert"`);
    await listener.query("LISTEN order_events_test_marker");
    await change();
    await t.db.$executeRaw`SELECT pg_notify('order_events_test_marker', '')`;
    await marker;
    return jobNotifications;
  }

  it("sends none for an event, and none for a placed order", async () => {
    const mug = await createTestProduct(t.db, { name: "Mug", priceCents: 1250, stock: 10 });
    expect(
      await jobNotificationsDuring(async () => {
        await enqueueOrderEvent(t.db, {
          name: "order.cancelled",
          payload: { orderId: "00000000-0000-4000-8000-000000000002", actorId: null },
        });
        const order = await callerAs(t.services, shopper).order.create({
          items: [{ productId: mug.id, quantity: 1 }],
          shippingAddress: TEST_ADDRESS,
        });
        expect(order.status).toBe("pending");
      }),
    ).toBe(0);
  });

  it("the marker check would see add_job's notify", async () => {
    const orderId = "00000000-0000-4000-8000-000000000004";
    expect(
      await jobNotificationsDuring(
        () => t.db.$executeRaw`
          SELECT graphile_worker.add_job('order.created', json_build_object('orderId', ${orderId}::text))`,
      ),
    ).toBe(1);
    await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE payload->>'orderId' = ${orderId}`;
  });
});

describe("registering the task", () => {
  it("gives every first event the one task id when several race to register it", async () => {
    await t.db.$executeRaw`
      DELETE FROM graphile_worker._private_tasks AS tasks WHERE identifier = 'order.status_changed'
        AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs AS jobs WHERE jobs.task_id = tasks.id)`;
    const [first, ...others] = await Promise.all(Array.from({ length: 4 }, connect));
    const event = (to: string) =>
      ({
        name: "order.status_changed",
        payload: { orderId: "00000000-0000-4000-8000-000000000003", from: "pending", to, actorId: null },
      }) as const;
    for (const client of [first!, ...others]) await client.query("BEGIN");
    // The first registers the task and keeps its transaction open; the others then find no task in
    // their snapshots, try to register it too and wait on the first's uncommitted row.
    await enqueueOrderEvent(asDbClient(first!), event("paid"));
    const racing = others.map(async (client) => {
      await enqueueOrderEvent(asDbClient(client), event("shipped"));
      await client.query("COMMIT");
    });
    await expect
      .poll(
        async () =>
          (
            await first!.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows[0]!.n,
        { timeout: 60_000 },
      )
      .toBe(others.length);
    await first!.query("COMMIT");
    await Promise.all(racing);

    const jobs = await t.db.$queryRaw<{ task: string }[]>`
      SELECT tasks.identifier AS task FROM graphile_worker._private_jobs AS jobs
      JOIN graphile_worker._private_tasks AS tasks ON tasks.id = jobs.task_id
      WHERE jobs.payload->>'orderId' = '00000000-0000-4000-8000-000000000003'`;
    expect(jobs).toEqual(Array.from({ length: 4 }, () => ({ task: "order.status_changed" })));
    const tasks = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_tasks WHERE identifier = 'order.status_changed'`;
    expect(tasks[0]!.n).toBe(1);
    await t.db.$executeRaw`
      DELETE FROM graphile_worker._private_jobs
      WHERE payload->>'orderId' = '00000000-0000-4000-8000-000000000003'`;
  });
});

describe("delivery", () => {
  it("a long-running worker at the default poll interval runs a job queued this way", async () => {
    const product = await createTestProduct(t.db, { name: "Blue Mug", priceCents: 1200, stock: 10 });
    const order = await createMugOrder(t.db, { userId: shopper.id, productId: product.id });
    const worker = await startEventWorker({
      databaseUrl: t.url,
      deps: { db: t.db, mail: createDatabaseMailSender(t.db) },
      log: quiet,
    });
    try {
      await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });
      await expect
        .poll(() => t.db.emailMessage.count({ where: { dedupeKey: `order.created:${order.id}` } }), {
          timeout: 60_000,
          interval: 50,
        })
        .toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
