import type { Db } from "@stockroom/db";
import { afterCommit, type DbClient, rootOf } from "../db-client.ts";
import type { CatalogCache, StockChange } from "./catalog-cache.ts";

// The catalog caches fed by each database client (one per process; tests may make several).
const watchers = new WeakMap<Db, Set<CatalogCache>>();

/**
 * Makes every committed change through `db` (or a transaction opened on it) reach `cache`.
 * createApiServices calls it, so every entry point built on the services (tRPC, REST, scripts,
 * tests) invalidates the cache without remembering to.
 */
export function watchCatalogChanges(db: Db, cache: CatalogCache): void {
  const caches = watchers.get(db) ?? new Set();
  caches.add(cache);
  watchers.set(db, caches);
}

function cachesOf(db: DbClient): CatalogCache[] {
  const root = rootOf(db);
  return [...((root && watchers.get(root)) ?? [])];
}

/**
 * Said by the service that changed a product or category: the catalog version is bumped once the
 * change commits (at once on the root client, whose statements have committed).
 */
export function catalogChanged(db: DbClient): Promise<void> {
  const caches = cachesOf(db);
  return afterCommit(db, async () => {
    for (const cache of caches) await cache.invalidate();
  });
}

/** Said by the inventory service when stock moved: the touched products' generations are bumped after commit. */
export function stockChanged(db: DbClient, changes: readonly StockChange[]): Promise<void> {
  if (changes.length === 0) return Promise.resolve();
  const caches = cachesOf(db);
  return afterCommit(db, async () => {
    for (const cache of caches) await cache.stockChanged(changes);
  });
}
