import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { freePort, pollUntil } from "./processes.ts";

export interface PrivateRedis {
  port: number;
  url: string;
  /** A plain client of this server (no key prefix), for the test's own reads. */
  client: Redis;
  stop(): Promise<void>;
}

/**
 * A Redis server of the test's own on a free port: processes that take only REDIS_URL (no key prefix)
 * then share nothing with other test files on the shared Redis. `extraArgs` go to redis-server as they
 * are (e.g. `--replicaof 127.0.0.1 <port>`). `stop()` is a SIGKILL.
 */
export async function startPrivateRedis(extraArgs: string[] = []): Promise<PrivateRedis> {
  const port = await freePort();
  // Its own directory: a replica's full sync writes dump.rdb there even with --save "" (else in the
  // test's working directory, the checkout). A later --dir in extraArgs wins.
  const dir = mkdtempSync(path.join(tmpdir(), "stockroom-redis-"));
  const child: ChildProcess = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
      ...extraArgs,
    ],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}/0`;
  await pollUntil("the private Redis to accept connections", 30_000, async () => {
    if (child.exitCode !== null) throw new Error("redis-server exited at start-up");
    return (await accepts(port)) ? true : undefined;
  });
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  await client.ping();
  return {
    port,
    url,
    client,
    async stop() {
      client.disconnect();
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
