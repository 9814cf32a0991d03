/**
 * The order-event worker: runs the graphile-worker jobs that the commerce core enqueues in the same
 * transaction as each order change, and sends their e-mails. Run as many of these processes as you
 * like; they share the queue in Postgres and never run one job twice at the same time.
 */
import { createMailSender, startEventWorker } from "@stockroom/api";
import { createDb, redact } from "@stockroom/db";
import pino from "pino";
import { readWorkerEnv, type WorkerEnv } from "./worker-env.ts";

let env: WorkerEnv;
try {
  env = readWorkerEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const log = pino({ level: env.LOG_LEVEL, name: "worker" });
const db = createDb(env.DATABASE_URL, { poolSize: env.WORKER_CONCURRENCY });
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

let runner: Awaited<ReturnType<typeof startEventWorker>>;
try {
  runner = await startEventWorker({
    databaseUrl: env.DATABASE_URL,
    deps: { db, mail },
    concurrency: env.WORKER_CONCURRENCY,
    log,
  });
} catch (error) {
  log.fatal({ err: error }, "the worker could not start");
  await closeResources();
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    // A second signal: fail the running jobs now (they go back to the queue with a retry time)
    // instead of waiting for them.
    log.warn({ signal }, "stopping now; running jobs will be retried");
    await runner.kill().catch(() => {});
    process.exit(1);
  }
  stopping = true;
  log.info({ signal }, "stopping: finishing running jobs (signal again to stop at once)");
  // Lets running jobs finish and takes no new ones. Even a kill -9 loses nothing: a job locked by a
  // dead worker is unlocked and retried once its lock expires (graphile-worker: 4 hours).
  await runner.stop();
  await closeResources();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

const failure = await runner.promise.then(
  () => null,
  (error: unknown) => error,
);
if (!stopping) {
  log.fatal({ err: failure }, "the worker stopped unexpectedly");
  await closeResources();
  process.exit(1);
}
