import { fork } from "node:child_process";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { type ManagedProcess, stopProcess } from "../scripts/processes.ts";

const START_TIMEOUT_MS = 15_000;

/**
 * Runs a baseline server in its own process (as the real API is), so it does not share an event loop
 * with the load generator. The config goes over IPC; the child answers once it is listening.
 */
export async function startChildServer<Config>(
  name: string,
  entry: URL,
  config: Config,
): Promise<ManagedProcess> {
  // fork keeps this process's execArgv (--import tsx), so the child runs TypeScript too.
  const child = fork(fileURLToPath(entry), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<number>((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const managed: ManagedProcess = { name, child, exited };
  const ready = new Promise<"ready">((resolve) => child.once("message", () => resolve("ready")));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), START_TIMEOUT_MS);
  });
  child.send(config as object);
  const outcome = await Promise.race([ready, exited.then(() => "exited" as const), timeout]);
  clearTimeout(timer);
  if (outcome !== "ready") {
    await stopProcess(managed);
    throw new Error(`${name} did not start (${outcome})`);
  }
  return managed;
}

/** The child's side: waits for its config, starts, reports ready; exits when the parent goes away. */
export function serveWhenAsked<Config>(start: (config: Config) => Promise<void>): void {
  process.once("message", (config) => {
    start(config as Config).then(
      () => process.send?.({ ready: true }),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.once("disconnect", () => process.exit(0));
}

export function listenOnLoopback(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
}
