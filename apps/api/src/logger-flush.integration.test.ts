import { spawn } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@stockroom/db/testing";
import { describe, expect, it } from "vitest";

// The logger buffers lines (logger.ts): these spawn the real processes and check that what they log
// last before exiting reaches stdout.
const API_DIR = fileURLToPath(new URL("..", import.meta.url));
const database = useTestDatabase();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

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
  it("prints 'shut down' and the lines its own logger buffered after SIGTERM", {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const api = spawnApi({ DATABASE_URL: database.url, API_PORT: String(port), SHUTDOWN_DRAIN_MS: "0" });
    const deadline = Date.now() + 60_000;
    while (!api.output().includes("Server listening")) {
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
    expect(messages).toContain("shut down");
    // Logged by main.ts's logger at start-up: far less than its 4 KiB buffer, so only the flush on
    // exit writes it.
    expect(messages.some((message) => String(message).startsWith("RATE_LIMITS=off"))).toBe(true);
  });

  it("prints why it could not start (a bad setting) before exiting 1", { timeout: 60_000 }, async () => {
    const api = spawnApi({ DATABASE_URL: database.url, API_PORT: "not-a-port" });
    expect(await api.exited).toBe(1);
    expect(api.output()).toContain("API_PORT");
  });
});
