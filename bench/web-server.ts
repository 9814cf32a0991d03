import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ManagedProcess, run, startProcess, waitForHttp } from "../scripts/processes.ts";
import { childEnv } from "../scripts/start-env.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The real storefront: `next build` (Turborepo-cached), then apps/web/server.ts with its proxy pointing
 * at the bench API, exactly as `pnpm start` runs it.
 */
export async function startWeb(options: { port: number; apiPort: number }): Promise<ManagedProcess> {
  const env = childEnv({ API_INTERNAL_URL: `http://127.0.0.1:${options.apiPort}`, NODE_ENV: "production" });
  await run(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=@stockroom/web", "--output-logs=errors-only"],
    { cwd: ROOT, env },
  );
  const web = startProcess("web", process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: path.join(ROOT, "apps/web"),
    env: { ...env, WEB_PORT: String(options.port) },
  });
  await waitForHttp(`http://127.0.0.1:${options.port}/`, 60_000, () => web.child.exitCode === null);
  return web;
}
