import { type Logger, runMigrations } from "graphile-worker";
import pg from "pg";

/**
 * The queue's Postgres schema. Pinned rather than left to graphile-worker's default, which reads
 * GRAPHILE_WORKER_SCHEMA from the environment: producers (order-events.ts) write to this name.
 */
export const JOB_QUEUE_SCHEMA = "graphile_worker";

/**
 * Creates or upgrades the graphile_worker schema. Safe to run on every start and from several
 * processes at once (graphile-worker serialises its migrations with a lock).
 */
export async function installJobQueue(databaseUrl: string, logger?: Logger): Promise<void> {
  // Our own pool, so every connection is closed when this returns: the test template database
  // cannot be cloned while anything is still connected to it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on("error", () => {}); // an idle client's error; the query that needs it reports it
  pool.on("connect", (client) => client.on("error", () => {}));
  try {
    await runMigrations({ pgPool: pool, schema: JOB_QUEUE_SCHEMA, ...(logger ? { logger } : {}) });
  } finally {
    await pool.end();
  }
}
