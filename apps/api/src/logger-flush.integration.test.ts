import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@stockroom/db/testing";
import { describe, expect, it } from "vitest";
import { freePort } from "./testing/processes.ts";

// The logger writes asynchronously (logger.ts): these spawn the real API and check that a quiet
// process's lines appear while it runs and that what it logs last before exiting reaches stdout.
const API_DIR = fileURLToPath(new URL("..", import.meta.url));
const database = useTestDatabase();

function spawnApi(env: Record<string, string>) {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", RATE_LIMITS: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe("the API's asynchronous logger loses no last lines", () => {
  it("prints a quiet process's lines while it runs, and 'shut down' after SIGTERM", {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const api = spawnApi({ DATABASE_URL: database.url, API_PORT: String(port), SHUTDOWN_DRAIN_MS: "0" });
    const deadline = Date.now() + 60_000;
    // Fastify's "Server listening" goes through the same logger as main.ts's start-up line: both must
    // be written while the process runs and logs nothing else (a minimum batch size would hold them).
    const started = () =>
      api.output().includes("Server listening") && api.output().includes("RATE_LIMITS=off");
    while (!started()) {
      if (api.child.exitCode !== null) throw new Error(`the API exited during start-up:\n${api.output()}`);
      if (Date.now() > deadline) throw new Error(`the API did not start:\n${api.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    const messages = api
      .output()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).msg);
    // Logged just before exit, while the asynchronous write may still be pending: the flush writes it.
    expect(messages).toContain("shut down");
  });

  it("prints why it could not start (a bad setting) before exiting 1", { timeout: 60_000 }, async () => {
    const api = spawnApi({ DATABASE_URL: database.url, API_PORT: "not-a-port" });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain("API_PORT");
  });
});
