import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { type PrivateRedis, startPrivateRedis } from "./private-redis.ts";
import { freePort, pollUntil } from "./processes.ts";

export const SENTINEL_MASTER_NAME = "stockroom";

export interface SentinelGroup {
  sentinels: { host: string; port: number }[];
  /** For REDIS_SENTINELS: "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3". */
  sentinelList: string;
  master: PrivateRedis;
  replica: PrivateRedis;
  /** Where the Sentinels say the master is now ("127.0.0.1:port"), asked of the first one that answers. */
  masterAddress(): Promise<string>;
  /** Resolves once the replica has applied every write the master had when this was called. */
  replicaCaughtUp(): Promise<void>;
  /** SIGKILLs the current master (no shutdown, no last replication). */
  killMaster(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A master, one replica and three Sentinels of the test's own on free ports (quorum 2): the smallest
 * group in which a master's death is agreed on and a replica promoted. Sentinels call the master down
 * after 1 s of silence, so a failover takes a few seconds here.
 */
export async function startSentinelGroup(): Promise<SentinelGroup> {
  const dir = await mkdtemp(path.join(tmpdir(), "stockroom-sentinel-"));
  const sentinels: { port: number; child: ChildProcess; exited: Promise<void>; client: Redis }[] = [];
  let master: PrivateRedis | undefined;
  let replica: PrivateRedis | undefined;
  const stop = async () => {
    for (const sentinel of sentinels) {
      sentinel.client.disconnect();
      if (sentinel.child.exitCode === null) sentinel.child.kill("SIGKILL");
      await sentinel.exited;
    }
    await replica?.stop();
    await master?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    master = await startPrivateRedis();
    replica = await startPrivateRedis(["--replicaof", "127.0.0.1", String(master.port)]);
    for (let index = 0; index < 3; index++) {
      const port = await freePort();
      // Sentinel rewrites its configuration file as it learns, so each needs a writable one of its own.
      const config = path.join(dir, `sentinel-${index}.conf`);
      await writeFile(
        config,
        [
          `port ${port}`,
          "bind 127.0.0.1",
          `dir ${dir}`,
          `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${master.port} 2`,
          `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} 1000`,
          `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 5000`,
          `sentinel parallel-syncs ${SENTINEL_MASTER_NAME} 1`,
          "",
        ].join("\n"),
      );
      const child = spawn("redis-sentinel", [config], { stdio: "ignore" });
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const client = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 1, lazyConnect: true });
      client.on("error", () => {});
      sentinels.push({ port, child, exited, client });
    }
    // Each Sentinel must know the replica and the other two before a failover can be agreed on.
    for (const sentinel of sentinels) {
      await pollUntil(
        `Sentinel ${sentinel.port} to see the replica and both other Sentinels`,
        60_000,
        async () => {
          if (sentinel.child.exitCode !== null) throw new Error("redis-sentinel exited at start-up");
          const state = await sentinelState(sentinel.client).catch(() => undefined);
          return state?.["num-slaves"] === "1" && state["num-other-sentinels"] === "2" ? true : undefined;
        },
      );
    }
    const current = { master, replica };
    const masterAddress = async () => {
      for (const sentinel of sentinels) {
        const reply = (await sentinel.client
          .call("SENTINEL", "get-master-addr-by-name", SENTINEL_MASTER_NAME)
          .catch(() => null)) as [string, string] | null;
        if (reply) return `${reply[0]}:${reply[1]}`;
      }
      throw new Error("no Sentinel answered get-master-addr-by-name");
    };
    return {
      sentinels: sentinels.map(({ port }) => ({ host: "127.0.0.1", port })),
      sentinelList: sentinels.map(({ port }) => `127.0.0.1:${port}`).join(","),
      master: current.master,
      replica: current.replica,
      masterAddress,
      async replicaCaughtUp() {
        const offset = replicationField(
          await current.master.client.info("replication"),
          "master_repl_offset",
        );
        await pollUntil("the replica to catch up with the master", 30_000, async () => {
          const info = await current.replica.client.info("replication");
          return replicationField(info, "master_link_status") === "up" &&
            Number(replicationField(info, "slave_repl_offset")) >= Number(offset)
            ? true
            : undefined;
        });
      },
      killMaster: () => current.master.stop(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function sentinelState(client: Redis): Promise<Record<string, string>> {
  if (client.status === "wait") await client.connect();
  const flat = (await client.call("SENTINEL", "master", SENTINEL_MASTER_NAME)) as string[];
  const state: Record<string, string> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) state[flat[index]!] = flat[index + 1]!;
  return state;
}

function replicationField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(\\S+)`, "m").exec(info)?.[1];
}
