import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();
let staff: SessionUser;
let shopper: SessionUser;

// Advisory lock keys the test coordinates the deadlock with.
const GATE = 1101;
const HELD_BY_OTHER = 1102;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  shopper = await createTestUser(t.db);
});

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  return client;
}

/** Whether some session waits for this advisory lock right now. */
async function someoneWaits(client: pg.Client, advisoryKey: number): Promise<boolean> {
  const { rows } = await client.query<{ waiting: boolean }>(
    `SELECT count(*) > 0 AS waiting FROM pg_locks
     WHERE NOT granted AND locktype = 'advisory' AND objid = $1::int`,
    [advisoryKey],
  );
  return rows[0]!.waiting;
}

/** Deadlocks Postgres has detected in this database so far. */
async function deadlocks(): Promise<number> {
  const [row] = await t.db.$queryRaw<{ deadlocks: number }[]>`
    SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`;
  return row!.deadlocks;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("a deadlock inside a staff mutation's transaction", () => {
  it("retries the whole staff mutation on a new transaction: it succeeds once, with one audit row", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const order = await callerAs(t.services, shopper).order.create({
      items: [{ productId: product.id, quantity: 2 }],
      shippingAddress: TEST_ADDRESS,
    });
    // Every ledger insert passes a gate (held by the test) and then takes a lock another session
    // holds; the first attempt of the staff cancel thus ends up in a lock cycle with that session.
    await t.db.$executeRawUnsafe(`
      CREATE FUNCTION deadlock_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(${GATE});
        PERFORM pg_advisory_xact_lock(${HELD_BY_OTHER});
        RETURN NEW;
      END $$`);
    await t.db.$executeRawUnsafe(
      "CREATE TRIGGER deadlock_gate BEFORE INSERT ON stock_movement FOR EACH ROW EXECUTE FUNCTION deadlock_gate()",
    );
    const deadlocksBefore = await deadlocks();
    const gate = await connect();
    const other = await connect();
    try {
      await gate.query("SELECT pg_advisory_lock($1)", [GATE]);
      // The other session waits for Postgres's deadlock check far longer than the staff call's
      // (1 s by default), so the staff transaction is the one Postgres aborts.
      const { rows: otherPid } = await other.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      await other.query("BEGIN");
      await other.query("SET LOCAL deadlock_timeout = '10min'");
      await other.query("SELECT pg_advisory_xact_lock($1)", [HELD_BY_OTHER]);

      const cancelled = callerAs(t.services, staff).order.cancel({ id: order.id, note: "Deadlocked once" });
      // The staff transaction has restocked (it holds the stock row) and waits at the gate.
      await until(() => someoneWaits(gate, GATE));
      // The other session now waits for that stock row...
      const otherUpdate = other.query(
        `UPDATE inventory_level SET "updatedAt" = now() WHERE "variantId" = (SELECT id FROM product_variant WHERE "productId" = $1::uuid)`,
        [product.id],
      );
      await until(async () => {
        const { rows } = await gate.query<{ waits: boolean }>(
          `SELECT count(*) > 0 AS waits FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
          [otherPid[0]!.pid],
        );
        return rows[0]!.waits;
      });
      // ...and opening the gate closes the cycle: the staff transaction waits for the other's lock.
      await gate.query("SELECT pg_advisory_unlock($1)", [GATE]);
      await otherUpdate;
      await other.query("ROLLBACK");

      const result = await cancelled;
      expect(result.status).toBe("cancelled");
    } finally {
      await other.query("ROLLBACK").catch(() => {});
      await other.end();
      await gate.end();
      await t.db.$executeRawUnsafe("DROP TRIGGER deadlock_gate ON stock_movement");
      await t.db.$executeRawUnsafe("DROP FUNCTION deadlock_gate()");
    }

    // Postgres really broke a deadlock (its statistics arrive asynchronously).
    await expect.poll(deadlocks, { timeout: 30_000 }).toBe(deadlocksBefore + 1);
    expect(await t.db.auditLog.count({ where: { action: "order.cancel", entityId: order.id } })).toBe(1);
    expect(await t.db.stockMovement.count({ where: { orderId: order.id, reason: "cancellation" } })).toBe(1);
    expect(await t.db.orderStatusHistory.count({ where: { orderId: order.id, toStatus: "cancelled" } })).toBe(
      1,
    );
    const level = await t.db.inventoryLevel.findFirstOrThrow({
      where: { variant: { productId: product.id } },
    });
    expect(level.onHand).toBe(5);
  });
});
