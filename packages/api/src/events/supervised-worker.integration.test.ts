import { useTestDatabase } from "@stockroom/db/testing";
import { describe, expect, it } from "vitest";
import { createTestUser } from "../testing.ts";
import type { EventLog } from "./event-worker.ts";
import { createDatabaseMailSender } from "./mailer.ts";
import { enqueueOrderEvent } from "./order-events.ts";
import { superviseEventWorker } from "./supervised-worker.ts";

const t = useTestDatabase();

function recordingLog(): EventLog & { messages: string[] } {
  const messages: string[] = [];
  const push = (_fields: object, message: string) => void messages.push(message);
  return { messages, error: push, warn: push, info: push, debug() {} };
}

function heartbeats() {
  return t.db.workerHeartbeat.findMany({ orderBy: { beatAt: "asc" } });
}

describe("superviseEventWorker", () => {
  it("keeps retrying while Postgres is unreachable instead of failing, and stops on request", async () => {
    const log = recordingLog();
    const worker = superviseEventWorker({
      databaseUrl: "postgresql://postgres@127.0.0.1:1/unreachable",
      deps: { db: t.db, mail: createDatabaseMailSender(t.db) },
      log,
      minRetryDelayMs: 50,
      maxRetryDelayMs: 200,
    });
    await expect
      .poll(() => log.messages.filter((m) => m.includes("cannot reach Postgres")).length, { timeout: 60_000 })
      .toBeGreaterThan(2);
    await worker.stop();
  });

  it("replaces a runner after an error in its internals, with a new heartbeat, and keeps taking jobs", async () => {
    const log = recordingLog();
    const worker = superviseEventWorker({
      databaseUrl: t.url,
      deps: { db: t.db, mail: createDatabaseMailSender(t.db) },
      log,
      pollInterval: 100,
      minRetryDelayMs: 50,
      heartbeat: { beatEveryMs: 200, sweepEveryMs: 400, staleAfterMs: 2_000 },
    });
    try {
      await expect.poll(async () => (await heartbeats()).length, { timeout: 60_000 }).toBe(1);
      const [first] = await heartbeats();

      worker.restart(new Error("Connection terminated unexpectedly"));

      await expect
        .poll(async () => (await heartbeats()).map((beat) => beat.workerId), { timeout: 60_000 })
        .toEqual([expect.not.stringMatching(first!.workerId)]);
      const customer = await createTestUser(t.db);
      const order = await t.db.order.create({
        data: {
          userId: customer.id,
          subtotalCents: 0,
          shippingCents: 0,
          totalCents: 0,
          shipStreet: "1 Main St",
          shipCity: "Springfield",
          shipState: "IL",
          shipZip: "62701",
        },
      });
      await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });
      await expect
        .poll(() => t.db.emailMessage.count({ where: { orderId: order.id } }), { timeout: 60_000 })
        .toBe(1);
      expect(log.messages).toContain("replacing the job runner after an error in its internals");
    } finally {
      await worker.stop();
    }
    // A clean stop removes the heartbeat: nothing is left for a sweeper to unlock.
    expect(await heartbeats()).toEqual([]);
  });
});
