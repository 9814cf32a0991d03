import type { Redis } from "ioredis";

const INVALIDATION_CHANNEL = "__redis__:invalidate";

/**
 * Process-local copies of Redis string keys, kept exact by Redis client-side caching (CLIENT
 * TRACKING): Redis remembers which keys this process read and pushes an invalidation the moment one
 * changes, expires or is deleted, by any client. A copy is therefore only served while Redis would
 * still return the same value; a hit costs no round trip.
 *
 * Two extra connections: `reader` reads with tracking on, `listener` receives the invalidations.
 * Whenever either is not connected and tracking confirmed, nothing is kept and every read goes to
 * Redis (through the process's main client, so it fails fast like any other command).
 */
export class RedisNearCache {
  private readonly copies = new Map<string, string | null>();
  /** Reads in flight; an invalidation marks theirs stale so a value read before a change is not kept. */
  private readonly inflight = new Map<string, { read: Promise<string | null>; stale: boolean }>();
  private tracking = false;
  /** Reads answered from a local copy (for tests and diagnostics). */
  localHits = 0;
  private readonly reader: Redis;
  private readonly listener: Redis;
  private readonly maxEntries: number;

  constructor(
    private readonly redis: Redis,
    options: { maxEntries?: number; connectionName?: string } = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    const name = options.connectionName ?? "near-cache";
    this.reader = redis.duplicate({ connectionName: `${name}:reader` });
    // Subscribed again by hand after a reconnect: its client id must be read before it subscribes.
    this.listener = redis.duplicate({ connectionName: `${name}:listener`, autoResubscribe: false });
    for (const connection of [this.reader, this.listener]) {
      connection.on("error", () => {});
      connection.on("close", () => this.stopTracking());
      connection.on("ready", () => void this.startTracking());
    }
    this.listener.on("messageBuffer", (channel: Buffer, keys: Buffer[] | Buffer | null) => {
      if (channel.toString() !== INVALIDATION_CHANNEL) return;
      if (keys === null) return this.forgetAll();
      // Invalidations name keys in full; ours are without the client's keyPrefix.
      const prefix = redis.options.keyPrefix ?? "";
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        const name = key.toString();
        if (name.startsWith(prefix)) this.forget(name.slice(prefix.length));
      }
    });
    // The process's own client going away (shutdown, tests) takes these connections with it.
    redis.once("end", () => this.close());
  }

  /** Whether reads are being served from local copies (tracking confirmed on both connections). */
  get active(): boolean {
    return this.tracking;
  }

  /** The local copy of `key` without waiting: undefined when there is none (then use `get`). */
  peek(key: string): string | null | undefined {
    if (!this.tracking || !this.copies.has(key)) return undefined;
    this.localHits += 1;
    return this.copies.get(key)!;
  }

  async get(key: string): Promise<string | null> {
    if (!this.tracking) return this.redis.get(key);
    if (this.copies.has(key)) {
      this.localHits += 1;
      return this.copies.get(key)!;
    }
    const pending = this.inflight.get(key);
    if (pending) return pending.read;
    const entry = { read: this.reader.get(key), stale: false };
    this.inflight.set(key, entry);
    try {
      const value = await entry.read;
      if (!entry.stale && this.tracking) this.keep(key, value);
      return value;
    } finally {
      this.inflight.delete(key);
    }
  }

  close(): void {
    this.stopTracking();
    this.reader.disconnect();
    this.listener.disconnect();
  }

  private keep(key: string, value: string | null): void {
    if (this.copies.size >= this.maxEntries) {
      // Oldest first; Redis keeps notifying for an evicted key, which is harmless.
      const oldest = this.copies.keys().next().value;
      if (oldest !== undefined) this.copies.delete(oldest);
    }
    this.copies.set(key, value);
  }

  /** Drops the local copy of `key` now, without waiting for Redis to say it changed. */
  forget(key: string): void {
    this.copies.delete(key);
    const pending = this.inflight.get(key);
    if (pending) pending.stale = true;
  }

  private forgetAll(): void {
    this.copies.clear();
    for (const pending of this.inflight.values()) pending.stale = true;
  }

  private stopTracking(): void {
    this.tracking = false;
    this.forgetAll();
  }

  private async startTracking(): Promise<void> {
    if (this.reader.status !== "ready" || this.listener.status !== "ready") return;
    try {
      const listenerId = await this.listener.client("ID");
      await this.listener.subscribe(INVALIDATION_CHANNEL);
      // OFF first: a listener that reconnected has a new id to redirect to.
      await this.reader.call("CLIENT", "TRACKING", "OFF");
      await this.reader.call("CLIENT", "TRACKING", "ON", "REDIRECT", String(listenerId));
      this.forgetAll();
      this.tracking = this.reader.status === "ready" && this.listener.status === "ready";
    } catch {
      this.stopTracking();
    }
  }
}
