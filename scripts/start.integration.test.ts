import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
let child: ChildProcess | undefined;
let dataDir: string | undefined;
const database = useTestDatabase();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child?.exitCode !== null) throw new Error(`start exited early with ${child?.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return response;
      last = response.status;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never became ready: ${String(last)}`);
}

/** `pnpm start:api` as a child (the one `child` of this file), with everything it prints collected. */
function startApi(env: Record<string, string>): { output: () => string } {
  let output = "";
  child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "api"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { output: () => output };
}

// A test that failed half-way leaves its start script running: stop it the way Ctrl-C does, so it stops
// its own (detached) children too; SIGKILL only if that hangs.
afterEach(async () => {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGTERM");
  const timer = setTimeout(() => running.kill("SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
});
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("pnpm start:api on an embedded database", () => {
  it("starts PGlite, migrates, seeds, answers /readyz and stops cleanly on SIGTERM", {
    timeout: 300_000,
  }, async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "stockroom-pglite-"));
    const port = await freePort();
    const { output } = startApi({ DATABASE_URL: `pglite:${dataDir}`, API_PORT: String(port) });

    const ready = await waitFor(`http://127.0.0.1:${port}/readyz`, 240_000);
    expect(await ready.json()).toEqual({ ready: true, postgres: "ok", redis: "ok" });
    expect(output()).toContain("embedded PGlite database");
    expect(output()).toMatch(/applied \d+ migration/);
    expect(output()).toContain("seeded demo data: 64 products");

    const categories = await fetch(`http://127.0.0.1:${port}/api/trpc/product.categories`);
    const body = (await categories.json()) as { result: { data: { json: unknown[] } } };
    expect(body.result.data.json).toHaveLength(8);

    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    child!.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, condition: () => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("pnpm start:api when its API process is killed", () => {
  it("restarts the API after kill -9, answers /readyz again, and still stops every child on SIGTERM", {
    timeout: 300_000,
  }, async () => {
    const port = await freePort();
    const { output } = startApi({ DATABASE_URL: database.url, API_PORT: String(port) });
    const apiPids = () =>
      [...output().matchAll(/\[start\] api started \(pid (\d+)\)/g)].map((match) => Number(match[1]));
    const workerPids = () =>
      [...output().matchAll(/\[start\] worker started \(pid (\d+)\)/g)].map((match) => Number(match[1]));

    await waitFor(`http://127.0.0.1:${port}/readyz`, 240_000);
    const [firstApi] = apiPids();
    expect(firstApi).toBeDefined();
    process.kill(firstApi!, "SIGKILL");

    await until("the API to be started again", () => apiPids().length === 2);
    expect(output()).toContain("[start] api was killed by SIGKILL; restarting in 0.5 s");
    const ready = await waitFor(`http://127.0.0.1:${port}/readyz`, 240_000);
    expect(await ready.json()).toEqual({ ready: true, postgres: "ok", redis: "ok" });
    const secondApi = apiPids()[1]!;
    expect(secondApi).not.toBe(firstApi);

    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    child!.kill("SIGTERM");
    expect(await exited, output()).toBe(0);
    expect(isRunning(secondApi)).toBe(false);
    for (const pid of workerPids()) expect(isRunning(pid)).toBe(false);
  });
});

describe("pnpm start:api when its API process keeps crashing", () => {
  it("gives up after five crashes within a minute, with a clear message and exit code 1", {
    timeout: 300_000,
  }, async () => {
    const port = await freePort();
    // The API refuses this at start-up, every time it is started again.
    const { output } = startApi({
      DATABASE_URL: database.url,
      API_PORT: String(port),
      SHUTDOWN_DRAIN_MS: "soon",
    });
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));

    expect(await exited, output()).toBe(1);
    expect(output()).toContain("[start] api exited with code 1; restarting in 0.5 s");
    expect(output()).toContain("[start] api exited with code 1; restarting in 4 s");
    expect(output()).toContain(
      "[start] api exited with code 1; it crashed 5 times within 60 s, so start gives up",
    );
    expect(output()).toContain("SHUTDOWN_DRAIN_MS: expected milliseconds");
  });
});
