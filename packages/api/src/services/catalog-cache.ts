import type { Redis } from "ioredis";
import superjson from "superjson";
import { RedisNearCache } from "../cache/near-cache.ts";
import type { CatalogReads } from "./catalog-reads.ts";

const TTL_SECONDS = 300;

/** A committed stock change of one variant: the level it left and by how much it moved. */
export interface StockChange {
  productId: string;
  variantId: string;
  onHand: number;
  delta: number;
}

/** A product's current stock: what can be bought (its active variants' sum) and each variant's level. */
export interface ProductStock {
  stock: number;
  variants: Record<string, number>;
}

const NO_STOCK: ProductStock = { stock: 0, variants: {} };

/**
 * Read-through cache for catalog reads in Redis, in two layers that are invalidated separately:
 *
 * - Catalog entries (product pages, details, categories) are stamped with the catalog version current
 *   when their read began. Product and category writes bump it after they commit.
 * - Stock levels are kept per product (its buyable sum and each variant's level), stamped with that
 *   catalog version and the product's own stock generation. A sale, cancellation or adjustment bumps only the generations of the products it
 *   touched, so it leaves every other cached page alone. Pages are served with their products' current
 *   levels laid over them (see `levels`). A change that sells a product out or brings it back also
 *   bumps the catalog version, because it changes which products an in-stock list holds.
 *
 * A reader uses an entry only if its stamps are current, so a write is visible on the next read, and
 * a slow reader that loaded data before a write can never serve it afterwards (its stamp is old).
 * Stamps and entries are read through a tracked near cache (see RedisNearCache), so a hit usually
 * costs no Redis round trip at all. Without Redis, or while it fails, reads go straight to Postgres.
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

  // One hash tag for every product's stock keys: a sale bumps several products' generations in one
  // pipeline and a page's levels are stored in one, and Redis Cluster (ioredis's Cluster client) needs
  // a pipeline's keys in one slot. Entries and the version are read and written one by one, untagged.
  private stockKey(productId: string) {
    return `{${this.prefix}:stock}:${productId}`;
  }

  /** The catalog version now; null when Redis is unavailable, and then nothing may be cached. */
  async currentVersion(): Promise<string | null> {
    if (this.redis?.status !== "ready" || !this.near || this.pendingInvalidation) return null;
    try {
      return (await this.near.get(this.versionKey)) ?? "0";
    } catch {
      return null;
    }
  }

  /**
   * Whether a response with these stamps (see CatalogReads) is still current, answered from this
   * process's copies without waiting; undefined when a copy is missing (then ask `isCurrent`).
   */
  isCurrentNow(
    version: string,
    stock: readonly (readonly [key: string, generation: string])[],
  ): boolean | undefined {
    if (!this.near || this.pendingInvalidation) return undefined;
    const current = this.near.peek(this.versionKey);
    if (current === undefined) return undefined;
    if ((current ?? "0") !== version) return false;
    for (const [key, generation] of stock) {
      const now = this.near.peek(key);
      if (now === undefined) return undefined;
      if ((now ?? "0") !== generation) return false;
    }
    return true;
  }

  /** Whether a response with these stamps (see CatalogReads) is still current. */
  async isCurrent(
    version: string,
    stock: readonly (readonly [key: string, generation: string])[],
  ): Promise<boolean> {
    if ((await this.currentVersion()) !== version) return false;
    const now = await this.generationsAt(stock.map(([key]) => key));
    return now !== null && stock.every(([, generation], index) => now[index] === generation);
  }

  /** The stock generations under these keys now ("0" for one never bumped); null when Redis fails. */
  private async generationsAt(keys: readonly string[]): Promise<string[] | null> {
    if (!this.near) return null;
    try {
      return await Promise.all(keys.map(async (key) => (await this.near!.get(key)) ?? "0"));
    } catch {
      return null;
    }
  }

  async read<T>(key: string, load: () => Promise<T>, reads?: CatalogReads): Promise<T> {
    const version = await this.currentVersion();
    if (version === null) return load();
    const entryKey = `${this.prefix}:entry:${key}`;
    try {
      const entry = await this.near!.get(entryKey);
      if (entry) {
        const separator = entry.indexOf("|");
        if (entry.slice(0, separator) === version) {
          reads?.sawVersion(version);
          return superjson.parse<T>(entry.slice(separator + 1));
        }
      }
    } catch {
      return load();
    }
    const value = await load();
    reads?.sawVersion(version);
    this.redis!.set(entryKey, `${version}|${superjson.stringify(value)}`, "EX", TTL_SECONDS).catch(() => {});
    return value;
  }

  /**
   * The current stock of each product: from Redis where the stored level's stamps are current, the
   * rest from `load` (one query), stored under the stamps read before it ran.
   */
  async levels(
    productIds: readonly string[],
    load: (productIds: string[]) => Promise<Map<string, ProductStock>>,
    reads?: CatalogReads,
  ): Promise<Map<string, ProductStock>> {
    if (productIds.length === 0) return new Map();
    const version = await this.currentVersion();
    const keys = productIds.map((id) => this.stockKey(id));
    const generations = version === null ? null : await this.generationsAt(keys);
    if (version === null || generations === null) return load([...productIds]);
    const levels = new Map<string, ProductStock>();
    const missing: number[] = [];
    try {
      const stored = await Promise.all(keys.map((key) => this.near!.get(`${key}:level`)));
      productIds.forEach((id, index) => {
        const entry = stored[index] ?? "";
        const [entryVersion, generation] = entry.split("|", 2);
        const value = entry.slice((entryVersion?.length ?? 0) + (generation?.length ?? 0) + 2);
        if (entryVersion === version && generation === generations[index] && value !== "")
          levels.set(id, JSON.parse(value) as ProductStock);
        else missing.push(index);
      });
    } catch {
      return load([...productIds]);
    }
    if (missing.length > 0) {
      const loaded = await load(missing.map((index) => productIds[index]!));
      const pipeline = this.redis!.pipeline();
      for (const index of missing) {
        const stock = loaded.get(productIds[index]!) ?? NO_STOCK;
        levels.set(productIds[index]!, stock);
        pipeline.set(
          `${keys[index]}:level`,
          `${version}|${generations[index]}|${JSON.stringify(stock)}`,
          "EX",
          TTL_SECONDS,
        );
      }
      pipeline.exec().catch(() => {});
    }
    reads?.sawVersion(version);
    keys.forEach((key, index) => {
      reads?.sawStock(key, generations[index]!);
    });
    return levels;
  }

  /** Call after a catalog write commits. If Redis is unreachable, retried when it is back. */
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

  /**
   * Call after stock changes commit: only the products touched are invalidated, unless a variant sold
   * out or came back (which may change whether its product is in stock).
   */
  async stockChanged(changes: readonly StockChange[]): Promise<void> {
    if (!this.redis || changes.length === 0) return;
    const crossedZero = changes.some((change) => change.onHand - change.delta > 0 !== change.onHand > 0);
    if (crossedZero) return this.invalidate();
    try {
      const pipeline = this.redis.pipeline();
      for (const change of changes) pipeline.incr(this.stockKey(change.productId));
      const results = await pipeline.exec();
      if (results?.some(([error]) => error)) throw new Error("stock generation not bumped");
      for (const change of changes) this.near?.forget(this.stockKey(change.productId));
    } catch {
      // Without the fine-grained bump, fall back to invalidating everything (retried if Redis is down).
      await this.invalidate();
    }
  }
}
