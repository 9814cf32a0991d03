/**
 * The order-event worker: runs the graphile-worker jobs that the commerce core enqueues in the same
 * transaction as each order change, and sends their e-mails. Run as many of these processes as you
 * like; they share the queue in Postgres and never run one job twice at the same time.
 */
import { createMailSender, superviseEventWorker } from "@stockroom/api";
import { createDb, poolOf, redact } from "@stockroom/db";
import { createLogger, exitAfterFlush, exitOnUncaught } from "./logger.ts";
import { readWorkerEnv, type WorkerEnv } from "./worker-env.ts";

let env: WorkerEnv;
try {
  env = readWorkerEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const log = createLogger({ level: env.LOG_LEVEL, name: "worker" });
exitOnUncaught(log);
const db = createDb(env.DATABASE_URL, { poolSize: env.WORKER_CONCURRENCY });
// Postgres closes idle connections when it restarts; without a listener that 'error' event would
// crash the process. pg drops the broken client; the next query opens a new one.
poolOf(db)?.on("error", (error) => log.warn({ err: error }, "a pooled Postgres connection closed"));
const mail = createMailSender({ db, smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });

log.info(
  {
    database: redact(env.DATABASE_URL),
    concurrency: env.WORKER_CONCURRENCY,
    mail: mail.kind === "smtp" ? `SMTP ${redact(env.SMTP_URL!)}` : "stored in email_message (SMTP_URL unset)",
  },
  "order-event worker starting",
);

async function closeResources() {
  mail.close();
  await db.$disconnect();
}

// Starts the job runner, and a new one whenever it stops on a Postgres outage: the process pauses
// while Postgres is unreachable and resumes by itself.
const worker = superviseEventWorker({
  databaseUrl: env.DATABASE_URL,
  deps: { db, mail },
  concurrency: env.WORKER_CONCURRENCY,
  log,
  heartbeat: {
    beatEveryMs: env.WORKER_HEARTBEAT_MS,
    sweepEveryMs: env.WORKER_SWEEP_MS,
    staleAfterMs: env.WORKER_STALE_AFTER_MS,
  },
});

// graphile-worker leaves some of its internal promises unawaited; one that rejects during an outage
// must not end the process. The runner it came from is replaced; the jobs it held run again.
process.on("unhandledRejection", (reason) => worker.restart(reason));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    // A second signal: fail the running jobs now (they go back to the queue with a retry time)
    // instead of waiting for them.
    log.warn({ signal }, "stopping now; running jobs will be retried");
    await worker.kill().catch(() => {});
    exitAfterFlush(log, 1);
  }
  stopping = true;
  log.info({ signal }, "stopping: finishing running jobs (signal again to stop at once)");
  // Lets running jobs finish and takes no new ones. Even a kill -9 loses nothing: the jobs of a worker
  // whose heartbeat stopped are unlocked by a live worker's sweeper and run again (docs/adr/0009).
  await worker.stop();
  await closeResources();
  log.info("stopped");
  exitAfterFlush(log, 0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
