/**
 * `pnpm start` / `pnpm start:api` / `pnpm dev`: prepares the database (embedded if needed), migrates,
 * seeds an empty database, then runs the servers until Ctrl-C: built (start) or in watch mode (dev).
 * A child that crashes is restarted with backoff (scripts/supervisor.ts); a crash loop ends the run.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installJobQueue } from "@stockroom/api/job-queue";
import { createDb, isDatabaseEmpty, migrate, resolveDatabase, seedDemo } from "@stockroom/db";
import { readOrCreateAuthSecret } from "./auth-secret.ts";
import { run, startProcess, waitForHttp } from "./processes.ts";
import { childEnv, readStartEnv, stopGraceMs } from "./start-env.ts";
import { Supervisor } from "./supervisor.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const modes = ["all", "api", "dev"] as const;
const mode = modes.find((candidate) => candidate === process.argv[2]) ?? "all";
const log = (line: string) => console.log(`[start] ${line}`);

const env = readStartEnv();
const database = await resolveDatabase(env.DATABASE_URL);
log(`database: ${database.description}`);

// Children get SIGTERM and the API's drain window plus 10 s to stop before SIGKILL.
const supervisor = new Supervisor({
  log,
  stopGraceMs: stopGraceMs(),
  onGiveUp: (message) => {
    console.error(`[start] ${message}`);
    void shutdown(1);
  },
});
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping...");
  await supervisor.stopAll();
  await database.embedded?.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function prepareDatabase() {
  const { applied } = await migrate(database.url);
  log(applied.length ? `applied ${applied.length} migration(s)` : "migrations up to date");
  await installJobQueue(database.url);
  const db = createDb(database.url, { poolSize: 1 });
  try {
    if (await isDatabaseEmpty(db)) {
      const summary = await seedDemo(db, { password: env.SEED_PASSWORD });
      log(
        `seeded demo data: ${summary.productsCreated} products, ${summary.usersCreated} accounts, ${summary.ordersCreated} orders`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

const apiUrl = `http://127.0.0.1:${env.API_PORT}`;
const serverEnv = childEnv({
  AUTH_SECRET: env.AUTH_SECRET ?? (await readOrCreateAuthSecret(path.join(ROOT, ".data/auth-secret"), log)),
  WEB_ORIGINS: env.WEB_ORIGINS ?? `http://localhost:${env.WEB_PORT},http://127.0.0.1:${env.WEB_PORT}`,
  DATABASE_URL: database.url,
  REDIS_URL: env.REDIS_URL,
  API_PORT: String(env.API_PORT),
  WEB_PORT: String(env.WEB_PORT),
  API_INTERNAL_URL: apiUrl,
  NODE_ENV: process.env.NODE_ENV ?? (mode === "dev" ? "development" : "production"),
});

async function runWatchMode() {
  supervisor.add("dev", () =>
    startProcess(
      "dev",
      "pnpm",
      ["exec", "turbo", "run", "dev", "--filter=@stockroom/api-server", "--filter=@stockroom/web"],
      {
        cwd: ROOT,
        env: serverEnv,
      },
    ),
  );
  supervisor.add("worker", () =>
    startProcess("worker", "pnpm", ["exec", "tsx", "watch", "src/worker.ts"], {
      cwd: path.join(ROOT, "apps/api"),
      env: serverEnv,
    }),
  );
  log(`watch mode: storefront http://localhost:${env.WEB_PORT}/, API ${apiUrl}, worker`);
}

async function runBuilt() {
  if (mode === "all") {
    log("building the web app (cached when nothing changed)...");
    await run(
      "pnpm",
      ["exec", "turbo", "run", "build", "--filter=@stockroom/web", "--output-logs=errors-only"],
      {
        cwd: ROOT,
        env: serverEnv,
      },
    );
  }
  const api = supervisor.add("api", () =>
    startProcess("api", process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: path.join(ROOT, "apps/api"),
      env: serverEnv,
    }),
  );
  // The order-event worker (confirmation e-mails); run more of these processes to scale.
  supervisor.add("worker", () =>
    startProcess("worker", process.execPath, ["--import", "tsx", "src/worker.ts"], {
      cwd: path.join(ROOT, "apps/api"),
      env: serverEnv,
    }),
  );
  // The web app renders pages from the API, so it starts once the API answers (restarts included).
  await waitForHttp(`${apiUrl}/readyz`, 60_000, () => api.alive);
  const web =
    mode === "all"
      ? supervisor.add("web", () =>
          // apps/web/server.ts: Next.js behind a server that knows the client's address (and proxies /api/*).
          startProcess("web", process.execPath, ["--import", "tsx", "server.ts"], {
            cwd: path.join(ROOT, "apps/web"),
            env: serverEnv,
          }),
        )
      : undefined;

  if (web) await waitForHttp(`http://127.0.0.1:${env.WEB_PORT}/admin`, 60_000, () => web.alive);
  const lines = [
    "",
    "  Stockroom is running",
    web ? `  Storefront     http://localhost:${env.WEB_PORT}/` : undefined,
    web ? `  Admin console  http://localhost:${env.WEB_PORT}/admin` : undefined,
    `  API            ${apiUrl}  (health: /healthz, readiness: /readyz, REST docs: /api/docs)`,
    "  Worker         order events and e-mails (stored in email_message unless SMTP_URL is set)",
    `  Database       ${database.description}`,
    "  Demo accounts  admin@stockroom.dev, staff@stockroom.dev, shopper@stockroom.dev (password: SEED_PASSWORD, default stockroom-demo)",
    "  Press Ctrl-C to stop.",
    "",
  ];
  console.log(lines.filter((line) => line !== undefined).join("\n"));
}

try {
  await prepareDatabase();
  await (mode === "dev" ? runWatchMode() : runBuilt());
} catch (error) {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
