import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createMugOrder, createTestProduct } from "../fixtures.ts";
import { createTestUser } from "../testing.ts";
import { type EventLog, runDueEvents, startEventWorker } from "./event-worker.ts";
import { createDatabaseMailSender, type MailSender } from "./mailer.ts";
import { enqueueOrderEvent, type OrderEvent } from "./order-events.ts";
import type { OrderEventDeps } from "./tasks.ts";

const t = useTestDatabase();
let customer: { id: string; email: string };
let productId: string;

const quiet: EventLog = { error() {}, warn() {}, info() {}, debug() {} };

beforeAll(async () => {
  customer = await createTestUser(t.db, { name: "Ada" });
  const product = await createTestProduct(t.db, {
    slug: `mug-${randomUUID()}`,
    name: "Blue Mug",
    priceCents: 1200,
  });
  productId = product.id;
});

/** An order for `customer` with two mugs: subtotal $24.00 + $4.99 shipping = $28.99. */
function createOrder() {
  return createMugOrder(t.db, { userId: customer.id, productId });
}

function deps(mail: MailSender = createDatabaseMailSender(t.db)): OrderEventDeps {
  return { db: t.db, mail };
}

function runDue(mail?: MailSender) {
  return runDueEvents({ databaseUrl: t.url, deps: deps(mail), log: quiet });
}

function messagesFor(orderId: string) {
  return t.db.emailMessage.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });
}

/** The jobs still queued for an order (graphile-worker deletes completed jobs). */
async function jobsFor(orderId: string) {
  return t.db.$queryRaw<
    { id: string; attempts: number; last_error: string | null; due_in_seconds: number }[]
  >`
    SELECT id::text, attempts, last_error, extract(epoch FROM run_at - now())::float AS due_in_seconds
    FROM graphile_worker._private_jobs WHERE payload->>'orderId' = ${orderId}`;
}

/** A mail sender whose first `failures` sends throw, like an SMTP server that is briefly down. */
function flakySender(failures: number): MailSender & { attempts: number } {
  const real = createDatabaseMailSender(t.db);
  return {
    kind: "database",
    attempts: 0,
    async send(mail) {
      this.attempts += 1;
      if (this.attempts <= failures) throw new Error("SMTP server unavailable");
      return real.send(mail);
    },
    close() {},
  };
}

describe("order confirmation", () => {
  it("stores the confirmation for the order's customer with its number and total", async () => {
    const order = await createOrder();
    await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });

    await runDue();

    const [message, ...others] = await messagesFor(order.id);
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({
      to: customer.email,
      dedupeKey: `order.created:${order.id}`,
      subject: `Order #${order.number} confirmed`,
    });
    expect(message!.text).toContain(`Order #${order.number}`);
    expect(message!.text).toContain("2 × Blue Mug  $24.00");
    expect(message!.text).toContain("Total: $28.99");
    expect(message!.text).toContain("Springfield, IL 62701");
    expect(message!.html).toContain("<strong>$28.99</strong>");
    // The queue drains once the last worker has recorded its job as done.
    await expect.poll(() => jobsFor(order.id), { timeout: 30_000 }).toEqual([]);
  });

  it("enqueues nothing when the order's transaction rolls back", async () => {
    const orderId = randomUUID();
    await expect(
      t.db.$transaction(async (tx) => {
        await enqueueOrderEvent(tx, { name: "order.created", payload: { orderId } });
        throw new Error("order refused");
      }),
    ).rejects.toThrow("order refused");
    await expect.poll(() => jobsFor(orderId), { timeout: 30_000 }).toEqual([]);
  });
});

describe("retries", () => {
  it("retries a failed send with backoff, and the retry stores exactly one message", async () => {
    const order = await createOrder();
    await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });
    const mail = flakySender(1);

    await runDue(mail);

    expect(await messagesFor(order.id)).toEqual([]);
    const [failed] = await jobsFor(order.id);
    expect(failed).toMatchObject({
      attempts: 1,
      last_error: expect.stringContaining("SMTP server unavailable"),
    });
    // graphile-worker's exponential backoff: the first retry is due exp(1) ≈ 2.7 s later.
    expect(failed!.due_in_seconds).toBeGreaterThan(1);
    await runDue(mail);
    expect(mail.attempts).toBe(1); // not due yet: nothing ran

    await t.db
      .$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE id = ${BigInt(failed!.id)}`;
    await runDue(mail);

    expect(mail.attempts).toBe(2);
    expect(await messagesFor(order.id)).toHaveLength(1);
    // The queue drains once the last worker has recorded its job as done.
    await expect.poll(() => jobsFor(order.id), { timeout: 30_000 }).toEqual([]);
  });

  it("leaves a job locked by a live worker alone, and retries it once a dead worker's lock expires", async () => {
    const order = await createOrder();
    await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });
    const [job] = await jobsFor(order.id);
    const lockAs = (lockedAt: string) => t.db.$executeRaw`
      UPDATE graphile_worker._private_jobs
      SET locked_by = 'worker-that-was-killed', locked_at = now() - ${lockedAt}::interval, attempts = 1
      WHERE id = ${BigInt(job!.id)}`;

    // Taken by a worker one hour ago: it may still be running, so nobody else touches the job.
    await lockAs("1 hour");
    await runDue();
    expect(await messagesFor(order.id)).toEqual([]);

    // Locked five hours ago: past graphile-worker's 4-hour lock timeout, so its worker is presumed
    // dead. A running worker releases such locks (at start-up and every few minutes; made quick here)
    // and then runs the job.
    await lockAs("5 hours");
    const runner = await startEventWorker({
      databaseUrl: t.url,
      deps: deps(),
      log: quiet,
      pollInterval: 50,
      overrides: { minResetLockedInterval: 10, maxResetLockedInterval: 20 },
    });
    try {
      await waitFor(async () => (await jobsFor(order.id)).length === 0);
    } finally {
      await runner.stop();
    }
    expect(await messagesFor(order.id)).toHaveLength(1);
  });
});

describe("idempotence", () => {
  it("stores one message however often the same event is processed", async () => {
    const order = await createOrder();
    const event: OrderEvent = { name: "order.created", payload: { orderId: order.id } };
    // Twice in a row, as when a worker dies after storing the message but before completing the job.
    await enqueueOrderEvent(t.db, event);
    await runDue();
    await enqueueOrderEvent(t.db, event);
    await enqueueOrderEvent(t.db, event);
    await runDue();

    expect(await messagesFor(order.id)).toHaveLength(1);
    // The queue drains once the last worker has recorded its job as done.
    await expect.poll(() => jobsFor(order.id), { timeout: 30_000 }).toEqual([]);
  });

  it("lets two workers share the queue without sending anything twice", async () => {
    const orders = await Promise.all(Array.from({ length: 8 }, () => createOrder()));
    const results: string[] = [];
    const counting: MailSender = {
      ...createDatabaseMailSender(t.db),
      async send(mail) {
        const result = await createDatabaseMailSender(t.db).send(mail);
        results.push(result);
        return result;
      },
    };
    const workers = await Promise.all(
      [1, 2].map(() =>
        startEventWorker({
          databaseUrl: t.url,
          deps: deps(counting),
          concurrency: 3,
          log: quiet,
          pollInterval: 50,
        }),
      ),
    );
    try {
      // Every event twice: 16 jobs racing over 8 messages.
      for (const order of [...orders, ...orders]) {
        await enqueueOrderEvent(t.db, { name: "order.created", payload: { orderId: order.id } });
      }
      await waitFor(
        async () => (await Promise.all(orders.map((order) => jobsFor(order.id)))).flat().length === 0,
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }

    expect(results).toHaveLength(16);
    expect(results.filter((result) => result === "sent")).toHaveLength(8);
    for (const order of orders) expect(await messagesFor(order.id)).toHaveLength(1);
  });
});

describe("status changes and cancellations", () => {
  it("sends one message per status change, with the tracking number when shipped", async () => {
    const order = await createOrder();
    await t.db.order.update({
      where: { id: order.id },
      data: { status: "shipped", trackingNumber: "1Z999" },
    });
    await enqueueOrderEvent(t.db, {
      name: "order.status_changed",
      payload: { orderId: order.id, from: "pending", to: "paid", actorId: null },
    });
    await enqueueOrderEvent(t.db, {
      name: "order.status_changed",
      payload: { orderId: order.id, from: "paid", to: "shipped", actorId: null },
    });

    await runDue();

    const messages = await messagesFor(order.id);
    expect(messages.map((message) => message.subject).sort()).toEqual([
      `Order #${order.number} has shipped`,
      `Payment received for order #${order.number}`,
    ]);
    const shipped = messages.find(
      (message) => message.dedupeKey === `order.status_changed:${order.id}:shipped`,
    );
    expect(shipped?.text).toContain("Tracking number: 1Z999.");
    expect(shipped?.to).toBe(customer.email);
  });

  it("sends one cancellation message, even when the change to cancelled is also emitted", async () => {
    const order = await createOrder();
    await t.db.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
    await enqueueOrderEvent(t.db, {
      name: "order.cancelled",
      payload: { orderId: order.id, actorId: customer.id },
    });
    await enqueueOrderEvent(t.db, {
      name: "order.status_changed",
      payload: { orderId: order.id, from: "pending", to: "cancelled", actorId: customer.id },
    });

    await runDue();

    const messages = await messagesFor(order.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      to: customer.email,
      dedupeKey: `order.cancelled:${order.id}`,
      subject: `Order #${order.number} cancelled`,
    });
    expect(messages[0]!.text).toContain("Status: Cancelled");
    expect(messages[0]!.text).toContain("Total: $28.99");
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the worker");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
