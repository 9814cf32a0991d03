import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, pollUntil } from "./processes.ts";

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ApiReplica {
  port: number;
  url: string;
  /** Spawns `src/main.ts` on this replica's port and resolves once /readyz answers 200. */
  start(): Promise<void>;
  /** SIGTERM (readiness drops, the drain window runs, the server closes); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Everything the current and earlier processes of this replica wrote. */
  output(): string;
}

/** One API process as `pnpm start` runs it, on a fixed free port so it can be restarted in place. */
export async function createApiReplica(env: Record<string, string>): Promise<ApiReplica> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  let output = "";
  return {
    port,
    url,
    output: () => output,
    async start() {
      const current = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: API_DIR,
        env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", ...env, API_PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = current;
      current.stdout?.on("data", (chunk) => (output += chunk));
      current.stderr?.on("data", (chunk) => (output += chunk));
      exited = new Promise((resolve) => current.once("exit", (code) => resolve(code)));
      await pollUntil(`the API on port ${port} to be ready`, 120_000, async () => {
        if (current.exitCode !== null) throw new Error(`the API exited during start-up:\n${output}`);
        const response = await fetch(`${url}/readyz`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      });
    },
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
      const current = child;
      current.kill("SIGTERM");
      const timer = setTimeout(() => current.kill("SIGKILL"), 60_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
