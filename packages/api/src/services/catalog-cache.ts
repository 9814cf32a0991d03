import type { Redis } from "ioredis";
import superjson from "superjson";
import { RedisNearCache } from "../cache/near-cache.ts";

const TTL_SECONDS = 300;

/**
 * Read-through cache for catalog reads (product pages and details) in Redis.
 *
 * Every entry is stamped with the catalog version current when its read began; every product or
 * stock write bumps the version after it commits. A reader uses an entry only if its stamp is the
 * current version, so a write is visible on the next read, and a slow reader that loaded data before
 * a write can never serve it afterwards (its stamp is old). The version and entries are read through
 * a tracked near cache (see RedisNearCache), so a hit usually costs no Redis round trip at all.
 * Without Redis, or while it fails, reads go straight to Postgres.
 */
export class CatalogCache {
  private pendingInvalidation = false;
  private readonly near: RedisNearCache | undefined;

  constructor(
    private readonly redis: Redis | undefined,
    near?: RedisNearCache,
    private readonly prefix = "catalog",
  ) {
    this.near = near ?? (redis ? new RedisNearCache(redis) : undefined);
    redis?.on("ready", () => {
      if (this.pendingInvalidation) void this.invalidate();
    });
  }

  private get versionKey() {
    return `${this.prefix}:version`;
  }

  /**
   * The catalog version now, to stamp anything derived from catalog reads (such as a whole HTTP
   * response); null when Redis is unavailable, and then nothing may be cached.
   */
  async currentVersion(): Promise<string | null> {
    if (this.redis?.status !== "ready" || !this.near || this.pendingInvalidation) return null;
    try {
      return (await this.near.get(this.versionKey)) ?? "0";
    } catch {
      return null;
    }
  }

  async read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const version = await this.currentVersion();
    if (version === null) return load();
    const entryKey = `${this.prefix}:entry:${key}`;
    try {
      const entry = await this.near!.get(entryKey);
      if (entry) {
        const separator = entry.indexOf("|");
        if (entry.slice(0, separator) === version) return superjson.parse<T>(entry.slice(separator + 1));
      }
    } catch {
      return load();
    }
    const value = await load();
    this.redis!.set(entryKey, `${version}|${superjson.stringify(value)}`, "EX", TTL_SECONDS).catch(() => {});
    return value;
  }

  /** Call after a catalog or stock write commits. If Redis is unreachable, retried when it is back. */
  async invalidate(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.incr(this.versionKey);
      // This process's next read must see the write even before Redis's invalidation arrives.
      this.near?.forget(this.versionKey);
      this.pendingInvalidation = false;
    } catch {
      this.pendingInvalidation = true;
    }
  }
}
