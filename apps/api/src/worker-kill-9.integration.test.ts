import { createServer, type Server, type Socket } from "node:net";
import { enqueueOrderEvent } from "@stockroom/api";
import { useTestDatabase } from "@stockroom/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createOrderForMail, spawnWorker, type WorkerProcess } from "./testing/worker-process.ts";

const t = useTestDatabase();
const workers: WorkerProcess[] = [];
let smtp: Server | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop(10_000)));
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  smtp = undefined;
});

/** An SMTP server that accepts connections and never answers: a send to it blocks for a long time. */
async function silentSmtpServer(): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  smtp = createServer((socket) => {
    connections += 1;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => smtp!.listen(0, "127.0.0.1", resolve));
  const address = smtp.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { url: `smtp://127.0.0.1:${address.port}`, connections: () => connections };
}

describe("a worker killed with kill -9 in the middle of a job", () => {
  it("crashed jobs run again within 60 s: a live worker unlocks and runs them, and one e-mail is stored", {
    timeout: 300_000,
  }, async () => {
    const order = await createOrderForMail(t.db);
    const stuck = await silentSmtpServer();
    // The first worker sends through the silent SMTP server, so it is mid-job when it dies.
    const first = spawnWorker({ DATABASE_URL: t.url, SMTP_URL: stuck.url });
    workers.push(first);
    await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });
    await expect.poll(() => stuck.connections(), { timeout: 120_000, interval: 200 }).toBeGreaterThan(0);
    const [locked] = await t.db.$queryRaw<{ locked_by: string | null }[]>`
      SELECT locked_by FROM graphile_worker._private_jobs WHERE payload->>'orderId' = ${order.id}`;
    expect(locked?.locked_by).toMatch(/^pool-/);

    first.child.kill("SIGKILL");
    const killedAt = Date.now();
    // A second worker with the default heartbeat timing (beat 5 s, sweep 10 s, dead after 30 s) and
    // the development transport, which stores the message.
    const second = spawnWorker({ DATABASE_URL: t.url });
    workers.push(second);

    const messages = () => t.db.emailMessage.count({ where: { orderId: order.id } });
    await expect.poll(messages, { timeout: 120_000, interval: 250 }).toBe(1);
    const recoveredInMs = Date.now() - killedAt;
    console.info(`job of the killed worker ran again ${recoveredInMs} ms after kill -9`);
    expect(second.output()).toContain("unlocked the jobs of dead workers");
    await expect
      .poll(
        () => t.db.$queryRaw<unknown[]>`
          SELECT id FROM graphile_worker._private_jobs WHERE payload->>'orderId' = ${order.id}`,
        { timeout: 60_000 },
      )
      .toEqual([]);
    expect(await messages()).toBe(1);
    expect(second.alive()).toBe(true);
  });
});
