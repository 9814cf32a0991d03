import type { Redis } from "ioredis";
import superjson from "superjson";

const TTL_SECONDS = 300;

/**
 * Read-through cache for catalog reads (product pages and details) in Redis.
 *
 * Every entry is stamped with the catalog version current when its read began; every product or
 * stock write bumps the version after it commits. A reader fetches the version and the entry in one
 * MGET and uses the entry only if the stamps match, so a write is visible on the next read, and a
 * slow reader that loaded data before a write can never serve it afterwards (its stamp is old).
 * Without Redis, or while it fails, reads go straight to Postgres.
 */
export class CatalogCache {
  private pendingInvalidation = false;

  constructor(
    private readonly redis: Redis | undefined,
    private readonly prefix = "catalog",
  ) {
    redis?.on("ready", () => {
      if (this.pendingInvalidation) void this.invalidate();
    });
  }

  private get versionKey() {
    return `${this.prefix}:version`;
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const redis = this.redis;
    if (redis?.status !== "ready") return load();
    const entryKey = `${this.prefix}:entry:${key}`;
    let version: string;
    try {
      const [current, entry] = await redis.mget(this.versionKey, entryKey);
      version = current ?? "0";
      if (entry) {
        const separator = entry.indexOf("|");
        if (entry.slice(0, separator) === version) return superjson.parse<T>(entry.slice(separator + 1));
      }
    } catch {
      return load();
    }
    const value = await load();
    redis.set(entryKey, `${version}|${superjson.stringify(value)}`, "EX", TTL_SECONDS).catch(() => {});
    return value;
  }

  /** Call after a catalog or stock write commits. If Redis is unreachable, retried when it is back. */
  async invalidate(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.incr(this.versionKey);
      this.pendingInvalidation = false;
    } catch {
      this.pendingInvalidation = true;
    }
  }
}
