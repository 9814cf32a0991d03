import { execFile } from "node:child_process";
import { chown, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";

/**
 * A Postgres server of the test's own, on a free port, that the test may restart or stop: the shared
 * server on 5432 must never be touched. initdb refuses root, so it runs as the postgres user in a
 * directory that user owns.
 */
export interface PrivatePostgres {
  /** postgresql:// URL of `database` on this server. */
  url: string;
  /** `pg_ctl restart -m fast`: every connection is closed, and the server is back when this resolves. */
  restart(): Promise<void>;
  /** `pg_ctl stop -m fast`: Postgres is unreachable until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its files; safe to call twice or after a failed start. */
  destroy(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Runs one of Postgres' programs, as the postgres user when this process is root. */
export function asPostgres(command: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  return asRoot
    ? run("runuser", ["-u", "postgres", "--", `${BIN}/${command}`, ...args], { timeout: 120_000 })
    : run(`${BIN}/${command}`, args, { timeout: 120_000 });
}

/** Makes `dir` the postgres user's when this process is root (initdb and pg_basebackup run as that user). */
export async function giveToPostgres(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  await chown(dir, Number(stdout.trim()), Number(gid.trim()));
}

export async function startPrivatePostgres(database = "stockroom"): Promise<PrivatePostgres> {
  const dir = await mkdtemp(path.join(tmpdir(), "stockroom-pg-"));
  const data = path.join(dir, "data");
  let started = false;
  const destroy = async () => {
    if (started) {
      started = false;
      await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await giveToPostgres(dir);
    await asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const ctl = (...args: string[]) =>
      asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "pg.log"), "-w", ...args]);
    await ctl("start");
    started = true;
    const admin = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/${database}`,
      restart: async () => {
        await ctl("-m", "fast", "restart");
      },
      stop: async () => {
        await ctl("-m", "fast", "stop");
      },
      start: async () => {
        await ctl("start");
      },
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}
