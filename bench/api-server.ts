import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { type ManagedProcess, startProcess, waitForHttp } from "../scripts/processes.ts";

const API_DIR = fileURLToPath(new URL("../apps/api", import.meta.url));
/** The web app's origin: better-auth and the CSRF check accept cookie-carrying POSTs from it. */
export const WEB_ORIGIN = "http://localhost:3000";

export interface ApiOptions {
  port: number;
  databaseUrl: string;
  redisUrl: string;
  poolSize: number;
  /** Write a V8 CPU profile of the API to this directory when it stops. */
  profileDir?: string;
}

/** The real API, started as `pnpm start` starts it, with rate limits off. */
export function startApi(options: ApiOptions): ManagedProcess {
  const profile = options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
  return startProcess("api", process.execPath, [...profile, "--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: String(options.poolSize),
      REDIS_URL: options.redisUrl,
      API_HOST: "127.0.0.1",
      API_PORT: String(options.port),
      RATE_LIMITS: "off",
      AUTH_SECRET: randomBytes(30).toString("base64url"),
      WEB_ORIGINS: WEB_ORIGIN,
    },
  });
}

export function waitUntilReady(api: ManagedProcess, port: number): Promise<void> {
  return waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, () => api.child.exitCode === null);
}

/** Fails early when a port is taken, so a server left over from another run is never measured instead. */
export async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", () => reject(new Error(`port ${port} is in use; set the BENCH_*_PORT variables`)));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
    });
  }
}
