import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDb, poolOf } from "./client.ts";
import { useTestDatabase } from "./testing.ts";

const t = useTestDatabase({ poolSize: 2 });

// A pg.Pool emits 'error' when Postgres closes one of its idle connections (a restart, an
// administrator's pg_terminate_backend); with no listener that event threw and ended the process.
describe("a connection Postgres closes while it idles in the pool", () => {
  it("is dropped without ending the process, and the next query opens a new one", async () => {
    // Only plain SQL on the pool, as the order path and the worker use it: Prisma's adapter, which
    // listens for pool errors itself, has not connected yet.
    const db = createDb(t.url, { poolSize: 2 });
    const pool = poolOf(db)!;
    await pool.query("SELECT 1");
    expect(pool.idleCount).toBeGreaterThan(0);

    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();

    // The pool drops the closed connections (each one's 'error' emitted on the pool, which has no
    // listener of this test's: an unhandled one would fail this file as an uncaught exception).
    await expect.poll(() => pool.totalCount, { timeout: 30_000 }).toBe(0);
    expect((await pool.query<{ one: number }>("SELECT 1::int AS one")).rows[0]!.one).toBe(1);
    await db.$disconnect();
  });
});
