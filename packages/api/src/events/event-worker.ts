import { EventEmitter } from "node:events";
import { Logger, type Runner, type RunnerOptions, run, runOnce, type WorkerEvents } from "graphile-worker";
import { JOB_QUEUE_SCHEMA } from "./job-queue.ts";
import { createOrderEventTasks, type OrderEventDeps } from "./tasks.ts";
import { DEFAULT_HEARTBEAT_TIMING, type HeartbeatTiming, startWorkerHeartbeat } from "./worker-heartbeat.ts";

/** The part of a pino logger the worker uses (a pino Logger fits as is). */
export interface EventLog {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

export interface EventWorkerOptions {
  databaseUrl: string;
  deps: OrderEventDeps;
  /** Jobs this process runs at once (default 5). Run more processes to scale further. */
  concurrency?: number;
  /** Defaults to graphile-worker's console logger. */
  log?: EventLog;
  /**
   * How often (ms) an idle worker looks for due jobs. New jobs wait for it too: they are queued
   * without a NOTIFY (order-events.ts, ADR 0010). Default 500.
   */
  pollInterval?: number;
  /** Heartbeat and dead-worker sweep intervals (see worker-heartbeat.ts); shorter in tests. */
  heartbeat?: Partial<HeartbeatTiming>;
  /** Any other graphile-worker option, e.g. a short `maxResetLockedInterval` in tests. */
  overrides?: Partial<RunnerOptions>;
}

/** Sends graphile-worker's log lines to `log`, keeping its scope (job id, task) and metadata as fields. */
export function graphileLogger(log: EventLog): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const { error, ...rest } = meta ?? {};
    const fields = { ...scope, ...rest, ...(error === undefined ? {} : { err: error }) };
    const name = String(level);
    if (name === "error") log.error(fields, message);
    else if (name === "warning") log.warn(fields, message);
    else if (name === "info") log.info(fields, message);
    else log.debug(fields, message);
  });
}

/** Jobs are queued without a NOTIFY, so this bounds how long a new order's e-mail waits to start. */
export const DEFAULT_POLL_INTERVAL_MS = 500;

function runnerOptions(options: EventWorkerOptions, events: WorkerEvents): RunnerOptions {
  const concurrency = options.concurrency ?? 5;
  return {
    events,
    // Without batching, graphile-worker records a finished job with a promise nobody awaits: when
    // Postgres is gone at that moment, the rejection is unhandled and kills the process ("Connection
    // terminated unexpectedly"). Batched (delay 0: no waiting), a failure stops this runner instead;
    // superviseEventWorker starts a new one and the old pool's jobs are unlocked by the sweeper.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    connectionString: options.databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    concurrency,
    // One connection per running job, one for LISTEN, one spare for completing/failing jobs.
    maxPoolSize: concurrency + 2,
    taskList: createOrderEventTasks(options.deps),
    parsedCronItems: [], // no scheduled jobs; without this graphile-worker reads a ./crontab file
    // The caller owns the process and its signals; apps/api/src/worker.ts stops the runner itself.
    noHandleSignals: true,
    pollInterval: options.pollInterval ?? DEFAULT_POLL_INTERVAL_MS,
    ...(options.log ? { logger: graphileLogger(options.log) } : {}),
    ...options.overrides,
  };
}

/**
 * Starts a long-running worker: it takes jobs with FOR UPDATE SKIP LOCKED, so any number of these
 * processes can share one queue. Stop it with `runner.stop()`, which lets running jobs finish.
 *
 * Crash safety comes from graphile-worker: a job is locked while it runs and deleted only after its
 * handler succeeded. A failed job is retried with exponential backoff (exp(min(attempts, 10)) seconds)
 * up to its max_attempts (25, set by enqueueOrderEvent). If the process dies mid-job, the job stays
 * locked by its pool id. Every pool writes a heartbeat; when a pool's heartbeat is older than 30 s,
 * the sweeper of any live worker unlocks its jobs, which then run again (worker-heartbeat.ts).
 */
export async function startEventWorker(options: EventWorkerOptions): Promise<Runner> {
  const events: WorkerEvents = new EventEmitter();
  const timing = { ...DEFAULT_HEARTBEAT_TIMING, ...options.heartbeat };
  const log = options.log ?? consoleLog;
  let heartbeat: ReturnType<typeof startWorkerHeartbeat> | undefined;
  // Emitted synchronously while run() builds the pool, before any job is taken.
  events.once("pool:create", ({ workerPool }) => {
    heartbeat = startWorkerHeartbeat({
      databaseUrl: options.databaseUrl,
      workerId: workerPool.id,
      timing,
      log,
      sweep: true,
    });
  });
  let runner: Runner;
  try {
    runner = await run(runnerOptions(options, events));
  } catch (error) {
    await heartbeat?.stop({ forget: false });
    throw error;
  }
  // A clean stop has finished every job: the row can go. A failed runner may still hold locks: its
  // row is left to go stale, so a sweeper hands those jobs back.
  const stopped = runner.promise.then(
    () => heartbeat?.stop({ forget: true }),
    () => heartbeat?.stop({ forget: false }),
  );
  const promise = runner.promise.finally(() => stopped);
  promise.catch(() => {}); // the caller may only ever call stop(); a failure must not go unhandled
  return {
    stop: async (reason) => {
      await runner.stop(reason);
      await stopped;
    },
    kill: (reason) => runner.kill(reason),
    addJob: runner.addJob,
    promise,
    events: runner.events,
  };
}

const consoleLog: EventLog = {
  error: (fields, message) => console.error(message, fields),
  warn: (fields, message) => console.warn(message, fields),
  info: () => {},
  debug: () => {},
};

/**
 * Runs every job that is due now, one at a time, then returns. For tests and one-off scripts: with
 * several parallel workers, runOnce may return before a sibling has recorded its job as done.
 */
export function runDueEvents(options: EventWorkerOptions): Promise<void> {
  return runOnce(runnerOptions({ ...options, concurrency: 1 }, new EventEmitter()));
}
