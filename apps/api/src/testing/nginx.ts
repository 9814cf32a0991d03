import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderNginxConfig } from "./nginx-config.ts";
import { freePort, pollUntil } from "./processes.ts";

export const NGINX_BIN = "/usr/sbin/nginx";
const WORKER_PROCESSES = 2;

/** The master's worker processes now (Linux: /proc), old ones still shutting down included. */
async function workerPids(masterPid: number | undefined): Promise<number[]> {
  if (masterPid === undefined) return [];
  const children = await readFile(`/proc/${masterPid}/task/${masterPid}/children`, "utf8").catch(() => "");
  return children.split(" ").filter(Boolean).map(Number);
}

export interface Nginx {
  url: string;
  port: number;
  /** The access log so far, one line per request (the `upstream` log format of nginx-config.ts). */
  accessLog(): Promise<string[]>;
  /**
   * Marks these upstreams `down` (none: all back in) and reloads, as a rolling deploy does before it
   * stops a replica; resolves once the workers of the old configuration have exited, so no new request
   * can reach a drained replica any more.
   */
  setDrained(upstreams: readonly string[]): Promise<void>;
  /** SIGQUIT (finish requests, then exit), and the temp directory is deleted. */
  stop(): Promise<void>;
}

/** Debian's nginx in front of `upstreams`, with the documented config, on a free loopback port. */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const dir = await mkdtemp(path.join(tmpdir(), "stockroom-nginx-"));
  const tempDir = path.join(dir, "temp");
  await mkdir(tempDir);
  const port = await freePort();
  const accessLog = path.join(dir, "access.log");
  const errorLog = path.join(dir, "error.log");
  const configFile = path.join(dir, "nginx.conf");
  const asRoot = process.getuid?.() === 0;
  const writeConfig = (drained: readonly string[]) =>
    writeFile(
      configFile,
      renderNginxConfig({
        listen: `127.0.0.1:${port}`,
        upstreams,
        paths: { pid: path.join(dir, "nginx.pid"), errorLog, accessLog, tempDir },
        // The temp directory is private to this user; as root, the workers must be root to write to it.
        user: asRoot ? "root" : (process.env.USER ?? "nobody"),
        workerProcesses: String(WORKER_PROCESSES),
        foreground: true,
        drained,
      }),
    );
  await writeConfig([]);
  // -e: nginx opens its compiled-in error log before reading the config; point it at ours.
  const child: ChildProcess = spawn(NGINX_BIN, ["-p", dir, "-c", configFile, "-e", errorLog], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await pollUntil("nginx to accept connections", 30_000, async () => {
      if (child.exitCode !== null)
        throw new Error(`nginx exited: ${output}${await readFile(errorLog, "utf8").catch(() => "")}`);
      // nginx answers its own 502 while no replica is up; any answer means it is listening.
      return fetch(`${url}/healthz`).then(
        () => true,
        () => undefined,
      );
    });
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await cleanup();
    throw error;
  }
  return {
    url,
    port,
    async accessLog() {
      const text = await readFile(accessLog, "utf8").catch(() => "");
      return text.split("\n").filter(Boolean);
    },
    async setDrained(drained) {
      const before = await workerPids(child.pid);
      await writeConfig(drained);
      child.kill("SIGHUP");
      // A reload starts new workers and lets the old ones finish their requests and exit.
      await pollUntil("nginx to reload its configuration", 30_000, async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
        const now = await workerPids(child.pid);
        const renewed = now.length === WORKER_PROCESSES && now.every((pid) => !before.includes(pid));
        return renewed ? true : undefined;
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGQUIT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanup();
    },
  };
}
