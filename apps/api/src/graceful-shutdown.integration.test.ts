import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, describe, expect, it } from "vitest";

const API_DIR = fileURLToPath(new URL("..", import.meta.url));
const DRAIN_MS = 4_000;
const database = useTestDatabase();
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Outcome {
  startedAt: number;
  status?: number;
  body?: string;
  errorCode?: string;
  reusedSocket?: boolean;
}

function get(agent: http.Agent, port: number, path: string): Promise<Outcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const request = http.request({ host: "127.0.0.1", port, path, agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () =>
        resolve({ startedAt, status: response.statusCode, body, reusedSocket: request.reusedSocket }),
      );
      response.on("error", (error: NodeJS.ErrnoException) =>
        resolve({ startedAt, errorCode: error.code ?? error.message }),
      );
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ startedAt, errorCode: error.code ?? error.message }),
    );
    request.end();
  });
}

async function until<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await attempt();
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("graceful shutdown of the API on SIGTERM", () => {
  it("drops readiness at once, serves keep-alive requests through the drain window, then exits 0 with no reset", {
    timeout: 300_000,
  }, async () => {
    const port = await freePort();
    let output = "";
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: API_DIR,
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: database.url,
        API_PORT: String(port),
        LOG_LEVEL: "warn",
        RATE_LIMITS: "off",
        SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child?.once("exit", (code) => resolve({ code, at: Date.now() })),
    );

    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await until("the API to become ready", async () => {
      if (child?.exitCode !== null) throw new Error(`the API exited during start-up:\n${output}`);
      const readiness = await get(probeAgent, port, "/readyz");
      return readiness.status === 200 ? true : undefined;
    });

    // (/healthz: it writes nothing to the shared Redis, whose catalog cache other start-up tests read.)
    // A client streaming requests one after another on a keep-alive connection, as a load balancer's
    // upstream pool does; like one, it stops sending new requests a while after readiness dropped.
    const streamAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const outcomes: Outcome[] = [];
    let stopStreamingAt = Number.POSITIVE_INFINITY;
    const stream = (async () => {
      while (Date.now() < stopStreamingAt) outcomes.push(await get(streamAgent, port, "/healthz"));
    })();
    await until("requests on a reused connection", async () =>
      outcomes.filter((outcome) => outcome.status === 200 && outcome.reusedSocket).length >= 5
        ? true
        : undefined,
    );

    const sigtermAt = Date.now();
    stopStreamingAt = sigtermAt + DRAIN_MS / 2;
    child.kill("SIGTERM");
    const notReady = await until("/readyz to answer 503", async () => {
      const readiness = await get(probeAgent, port, "/readyz");
      return readiness.status === 503 ? readiness : undefined;
    });
    const notReadyAt = Date.now();
    expect(JSON.parse(notReady.body ?? "")).toEqual({ ready: false, shuttingDown: true });

    const exit = await exited;
    await stream;
    probeAgent.destroy();
    streamAgent.destroy();

    expect(exit.code, output).toBe(0);
    expect(exit.at - sigtermAt).toBeGreaterThanOrEqual(DRAIN_MS);
    // Served after readiness dropped: the drain window keeps answering.
    const servedWhileDraining = outcomes.filter(
      (outcome) => outcome.startedAt > notReadyAt && outcome.status === 200,
    );
    expect(servedWhileDraining.length).toBeGreaterThan(0);
    // Every request succeeded: none was reset, cut off or refused.
    expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
  });
});
