import type { Db } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { DomainError } from "../errors.ts";

/** How long the replica's position may take to answer before a read goes to the primary instead. */
const CHECK_TIMEOUT_MS = 1_000;
/** After the replica failed, reads stay on the primary this long before the replica is tried again. */
const RETRY_AFTER_MS = 5_000;

/**
 * Where shoppers' catalog reads run: a streaming read replica when one is configured and it has
 * replayed everything the primary had committed when the read began, the primary otherwise.
 *
 * Catalog reads fill the catalog cache under the version read just before them, so a read from a
 * replica that had not yet replayed the write behind that version would cache the old value for the
 * entry's whole TTL. Asking the primary's WAL position first (after the cache's stamps were read) and
 * the replica whether it has replayed that far makes a replica read exactly as fresh as a primary read.
 * A replica that fails or does not answer in time is skipped for a few seconds; the shop keeps working
 * on the primary, and `onUnavailable` hears of it once per outage.
 */
export class ReadReplica {
  private skipUntil = 0;
  private unavailable = false;

  constructor(
    private readonly primary: Db,
    readonly replica: Db | undefined,
    private readonly onUnavailable?: (error: unknown) => void,
  ) {}

  /**
   * Runs `load` on the replica when it is caught up, else on `db`. Inside a transaction (`db` is a
   * transaction's client, not the primary's root client) it always runs on `db`: a transaction reads
   * its own writes.
   */
  async read<T>(db: DbClient, load: (db: DbClient) => Promise<T>): Promise<T> {
    if (!this.replica || db !== this.primary) return load(db);
    if (!(await this.caughtUp(this.replica))) return load(db);
    try {
      const result = await load(this.replica);
      this.unavailable = false;
      return result;
    } catch (error) {
      // NotFound and the like are answers; anything else (a lost connection, a query cancelled for a
      // recovery conflict) is the replica's trouble, and the primary answers instead.
      if (error instanceof DomainError) throw error;
      this.failed(error);
      return load(db);
    }
  }

  async disconnect(): Promise<void> {
    await this.replica?.$disconnect();
  }

  private async caughtUp(replica: Db): Promise<boolean> {
    if (Date.now() < this.skipUntil) return false;
    // Read after the caller's cache stamps: every write those stamps reflect has committed by now.
    const [{ lsn }] = await this.primary.$queryRaw<
      [{ lsn: string }]
    >`SELECT pg_current_wal_lsn()::text AS lsn`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("the read replica did not answer in time")),
        CHECK_TIMEOUT_MS,
      );
    });
    try {
      const [{ replayed }] = await Promise.race([
        replica.$queryRaw<[{ replayed: boolean | null }]>`
          SELECT pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS replayed`,
        timeout,
      ]);
      return replayed === true;
    } catch (error) {
      this.failed(error);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private failed(error: unknown) {
    this.skipUntil = Date.now() + RETRY_AFTER_MS;
    if (this.unavailable) return;
    this.unavailable = true;
    this.onUnavailable?.(error);
  }
}
