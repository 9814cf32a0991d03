import type { Runner } from "graphile-worker";
import { type EventLog, type EventWorkerOptions, startEventWorker } from "./event-worker.ts";

export interface SupervisedWorkerOptions extends EventWorkerOptions {
  log: EventLog;
  /** Wait before a new runner after a failure (ms), doubled per failure up to `maxRetryDelayMs`. Default 1000. */
  minRetryDelayMs?: number;
  /** Default 10000. */
  maxRetryDelayMs?: number;
}

export interface SupervisedWorker {
  /** Takes no new jobs, lets the running ones finish, then resolves. */
  stop(): Promise<void>;
  /** Fails the running jobs at once (they are retried later) and resolves. */
  kill(): Promise<void>;
  /**
   * Replaces the current runner by a new one: for an error that escaped graphile-worker (an unhandled
   * rejection), after which its pool's bookkeeping cannot be trusted. Jobs it held are unlocked by
   * the heartbeat sweeper and run again.
   */
  restart(reason: unknown): void;
}

/**
 * Keeps an order-event worker running through Postgres outages. graphile-worker itself retries taking
 * jobs and its LISTEN connection, but a runner that could not record a job's outcome stops itself, and
 * `run()` fails while Postgres is unreachable. This loop then waits (with backoff) and starts a new
 * runner, so the process pauses while Postgres is gone and resumes by itself. No job is lost: one
 * whose outcome was not recorded is still locked by the old runner's pool, whose heartbeat has
 * stopped, so the sweeper hands it back within about a minute and it runs again (the mail dedupe key
 * makes that second run send nothing twice).
 */
export function superviseEventWorker(options: SupervisedWorkerOptions): SupervisedWorker {
  const { log } = options;
  const minDelay = options.minRetryDelayMs ?? 1_000;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  let current: Runner | undefined;
  let stopping = false;
  let wakeUp: () => void = () => {};
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    let delay = minDelay;
    let failing = false;
    while (!stopping) {
      let runner: Runner;
      try {
        runner = await startEventWorker(options);
      } catch (error) {
        log.warn({ err: error, retryInMs: delay }, "the worker cannot reach Postgres; paused, retrying");
        failing = true;
        await pause(delay);
        delay = Math.min(delay * 2, maxDelay);
        continue;
      }
      current = runner;
      if (failing) log.info({}, "the worker reached Postgres again and is taking jobs");
      failing = false;
      delay = minDelay;
      if (stopping) await runner.stop();
      const failure = await runner.promise.then(
        () => null,
        (error: unknown) => error,
      );
      current = undefined;
      if (stopping) break;
      log.error({ err: failure }, "the job runner stopped; starting a new one");
      failing = true;
      await pause(delay);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wakeUp();
      await current?.stop();
      await loop;
    },
    async kill() {
      stopping = true;
      wakeUp();
      await current?.kill();
      await loop;
    },
    restart(reason) {
      if (stopping || !current) {
        log.error({ err: reason }, "an error in the job runner's internals (no runner to replace)");
        return;
      }
      log.error({ err: reason }, "replacing the job runner after an error in its internals");
      void current.stop().catch(() => {});
    },
  };
}
