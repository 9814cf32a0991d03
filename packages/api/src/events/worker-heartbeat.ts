import pg from "pg";
import type { EventLog } from "./event-worker.ts";

/** How often a worker proves it is alive, and when its silence means it is dead. */
export interface HeartbeatTiming {
  /** How often each worker writes its heartbeat (ms). Default 5000. */
  beatEveryMs: number;
  /** How often each worker looks for dead workers (ms). Default 10000. */
  sweepEveryMs: number;
  /** A worker whose last heartbeat is older than this (ms) is dead and its jobs are unlocked. Default 30000. */
  staleAfterMs: number;
}

export const DEFAULT_HEARTBEAT_TIMING: HeartbeatTiming = {
  beatEveryMs: 5_000,
  sweepEveryMs: 10_000,
  staleAfterMs: 30_000,
};

export interface WorkerHeartbeat {
  /** Stops beating. `forget` deletes the row: only after a clean stop, when the pool holds no job. */
  stop(options: { forget: boolean }): Promise<void>;
}

const beatSql = `
  INSERT INTO worker_heartbeat ("workerId", "beatAt") VALUES ($1, now())
  ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`;

/**
 * Unlocks the jobs of every dead worker in one statement: those whose heartbeat went stale, and those
 * holding a stale lock without any heartbeat (killed before their first beat, or a version without
 * heartbeats). Postgres' clock is used throughout, so the workers' own clocks do not matter.
 */
const sweepSql = `
  WITH dead AS (
    DELETE FROM worker_heartbeat WHERE "beatAt" < now() - $1 * interval '1 millisecond'
    RETURNING "workerId"
  ), orphans AS (
    SELECT DISTINCT jobs.locked_by AS "workerId" FROM graphile_worker._private_jobs AS jobs
    WHERE jobs.locked_by IS NOT NULL AND jobs.locked_at < now() - $1 * interval '1 millisecond'
      AND NOT EXISTS (SELECT 1 FROM worker_heartbeat AS beat WHERE beat."workerId" = jobs.locked_by)
  ), ids AS (
    SELECT coalesce(array_agg("workerId"), '{}') AS ids
    FROM (SELECT "workerId" FROM dead UNION SELECT "workerId" FROM orphans) AS every_dead
  )
  SELECT ids, graphile_worker.force_unlock_workers(ids) FROM ids`;

/**
 * Heartbeats for one graphile-worker pool (`workerId` is the pool id graphile-worker writes to
 * locked_by), plus the sweeper every worker runs: it hands the jobs of dead workers back to the queue
 * with graphile_worker.force_unlock_workers, so they run again within ~staleAfter + sweepEvery instead
 * of after graphile-worker's 4-hour lock timeout. See docs/adr/0009-worker-heartbeats.md.
 *
 * It uses a one-connection pool of its own, so busy jobs can never starve the heartbeat. A sweeper
 * sweeps only after its own heartbeats have succeeded for a whole staleAfter: after a Postgres outage
 * every heartbeat is stale, and a worker that came back first must not declare the others dead.
 */
export function startWorkerHeartbeat(options: {
  databaseUrl: string;
  workerId: string;
  timing: HeartbeatTiming;
  log: EventLog;
  /** runOnce pools only beat; they end on their own. */
  sweep: boolean;
}): WorkerHeartbeat {
  const { workerId, timing, log } = options;
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    connectionTimeoutMillis: 10_000,
  });
  pool.on("error", () => {}); // an idle client's error; the next beat reports it
  pool.on("connect", (client) => client.on("error", () => {}));
  let healthySince: number | null = null;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();

  const beat = async () => {
    try {
      await pool.query(beatSql, [workerId]);
      healthySince ??= Date.now();
    } catch (error) {
      if (healthySince !== null) log.warn({ err: error, workerId }, "worker heartbeat failed");
      healthySince = null;
    }
  };
  const sweep = async () => {
    if (healthySince === null || Date.now() - healthySince < timing.staleAfterMs) return;
    try {
      const { rows } = await pool.query<{ ids: string[] }>(sweepSql, [timing.staleAfterMs]);
      const ids = rows[0]?.ids ?? [];
      if (ids.length > 0) log.warn({ workerIds: ids }, "unlocked the jobs of dead workers; they run again");
    } catch (error) {
      log.warn({ err: error }, "sweeping dead workers failed");
    }
  };
  // One statement at a time on the one connection; a tick that finds the previous one running skips.
  let busy = false;
  const tick = (work: () => Promise<void>) => () => {
    if (busy || stopped) return;
    busy = true;
    inFlight = work().finally(() => {
      busy = false;
    });
  };
  tick(beat)();
  const beatTimer = setInterval(tick(beat), timing.beatEveryMs);
  const sweepTimer = options.sweep ? setInterval(tick(sweep), timing.sweepEveryMs) : undefined;
  beatTimer.unref();
  sweepTimer?.unref();

  return {
    async stop({ forget }) {
      stopped = true;
      clearInterval(beatTimer);
      clearInterval(sweepTimer);
      await inFlight;
      if (forget) {
        await pool.query(`DELETE FROM worker_heartbeat WHERE "workerId" = $1`, [workerId]).catch(() => {}); // a stale row is swept anyway, and its pool holds no job
      }
      await pool.end();
    },
  };
}
