import { Logger, type Runner, type RunnerOptions, run, runOnce } from "graphile-worker";
import { JOB_QUEUE_SCHEMA } from "./job-queue.ts";
import { createOrderEventTasks, type OrderEventDeps } from "./tasks.ts";

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
   * How often (ms) to look for jobs whose retry time has come. New jobs do not wait for it: Postgres
   * NOTIFY wakes the worker as soon as the enqueuing transaction commits. Default 2000.
   */
  pollInterval?: number;
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

function runnerOptions(options: EventWorkerOptions): RunnerOptions {
  const concurrency = options.concurrency ?? 5;
  return {
    connectionString: options.databaseUrl,
    schema: JOB_QUEUE_SCHEMA,
    concurrency,
    // One connection per running job, one for LISTEN, one spare for completing/failing jobs.
    maxPoolSize: concurrency + 2,
    taskList: createOrderEventTasks(options.deps),
    parsedCronItems: [], // no scheduled jobs; without this graphile-worker reads a ./crontab file
    // The caller owns the process and its signals; apps/api/src/worker.ts stops the runner itself.
    noHandleSignals: true,
    ...(options.pollInterval === undefined ? {} : { pollInterval: options.pollInterval }),
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
 * locked until the lock is 4 hours old; then any running worker unlocks it and runs it again.
 */
export function startEventWorker(options: EventWorkerOptions): Promise<Runner> {
  return run(runnerOptions(options));
}

/**
 * Runs every job that is due now, one at a time, then returns. For tests and one-off scripts: with
 * several parallel workers, runOnce may return before a sibling has recorded its job as done.
 */
export function runDueEvents(options: EventWorkerOptions): Promise<void> {
  return runOnce(runnerOptions({ ...options, concurrency: 1 }));
}
