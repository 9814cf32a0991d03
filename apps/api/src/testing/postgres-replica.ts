import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import {
  asPostgres,
  freePort,
  giveToPostgres,
  type PrivatePostgres,
  startPrivatePostgres,
} from "./private-postgres.ts";

/** A private primary and a hot standby streaming from it, each on its own free port. */
export interface PostgresWithReplica {
  primary: PrivatePostgres;
  /** postgresql:// URL of the same database on the standby (read-only). */
  replicaUrl: string;
  /** Resolves once the standby has replayed everything the primary had written when this was called. */
  waitForReplay(): Promise<void>;
  /** The standby keeps receiving WAL but applies none of it until `resumeReplay()`. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** `pg_ctl stop -m fast` on the standby: unreachable until `startReplica()`. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Stops both servers and deletes their files; safe to call twice. */
  destroy(): Promise<void>;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function poll(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts a private primary set up for streaming replication (wal_level=replica, wal senders, a trust
 * replication entry for 127.0.0.1; pg_stat_statements preloaded so a test can see which server ran a
 * statement), copies it with `pg_basebackup -R` and starts that copy as a hot standby.
 */
export async function startPostgresWithReplica(database = "stockroom"): Promise<PostgresWithReplica> {
  const primary = await startPrivatePostgres(database);
  const dir = await mkdtemp(path.join(tmpdir(), "stockroom-replica-"));
  const data = path.join(dir, "data");
  let replicaRunning = false;
  const destroy = async () => {
    if (replicaRunning) {
      replicaRunning = false;
      await asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    }
    await rm(dir, { recursive: true, force: true });
    await primary.destroy();
  };
  try {
    const primaryAdmin = primary.url.replace(/\/[^/]*$/, "/postgres");
    const [hba] = await query<{ hba_file: string }>(primaryAdmin, "SHOW hba_file");
    await appendFile(hba!.hba_file, "\nhost replication all 127.0.0.1/32 trust\n");
    for (const setting of [
      "wal_level = 'replica'",
      "max_wal_senders = 5",
      "hot_standby = on",
      "shared_preload_libraries = 'pg_stat_statements'",
    ])
      await query(primaryAdmin, `ALTER SYSTEM SET ${setting}`);
    await primary.restart();

    await giveToPostgres(dir);
    const primaryPort = new URL(primary.url).port;
    await asPostgres("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", primaryPort, "-U", "postgres"],
      ...["-D", data, "-R", "-X", "stream", "-c", "fast", "--no-sync"],
    ]);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const ctl = (...args: string[]) =>
      asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "pg.log"), "-w", ...args]);
    await ctl("start");
    replicaRunning = true;
    const replicaUrl = `postgresql://postgres@127.0.0.1:${port}/${database}`;
    const replicaAdmin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    await poll("the standby to be in recovery", async () => {
      const [row] = await query<{ standby: boolean }>(replicaAdmin, "SELECT pg_is_in_recovery() AS standby");
      return row?.standby === true;
    });

    return {
      primary,
      replicaUrl,
      async waitForReplay() {
        const [position] = await query<{ lsn: string }>(
          primaryAdmin,
          "SELECT pg_current_wal_lsn()::text AS lsn",
        );
        const lsn = position!.lsn;
        await poll(`the standby to replay up to ${lsn}`, async () => {
          const [row] = await query<{ replayed: boolean }>(
            replicaAdmin,
            `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS replayed`,
          );
          return row?.replayed === true;
        });
      },
      async pauseReplay() {
        await query(replicaAdmin, "SELECT pg_wal_replay_pause()");
        await poll("replay to pause", async () => {
          const [row] = await query<{ state: string }>(
            replicaAdmin,
            "SELECT pg_get_wal_replay_pause_state() AS state",
          );
          return row?.state === "paused";
        });
      },
      async resumeReplay() {
        await query(replicaAdmin, "SELECT pg_wal_replay_resume()");
      },
      async stopReplica() {
        await ctl("-m", "fast", "stop");
        replicaRunning = false;
      },
      async startReplica() {
        await ctl("start");
        replicaRunning = true;
      },
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}
