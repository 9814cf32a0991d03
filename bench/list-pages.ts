import { CatalogCache, createRedis } from "@stockroom/api";
import { countKnownProducts } from "./setup-database.ts";

export const LIST_LIMIT = 24;
export const REST_LIST_PATH = `/api/products?limit=${LIST_LIMIT}`;
export const TRPC_LIST_PATH = `/api/trpc/product.list?input=${encodeURIComponent(
  JSON.stringify({ json: { limit: LIST_LIMIT } }),
)}`;

/**
 * Catalog cache entries are keyed by filter, not by database: bump the version so nothing cached
 * by another run or another database on the same Redis can be served as this run's page.
 */
async function invalidateCatalogCache(redisUrl: string): Promise<void> {
  const redis = createRedis(redisUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      redis.once("ready", resolve);
      setTimeout(() => reject(new Error(`Redis did not answer at ${redisUrl}`)), 3_000).unref();
    });
    await new CatalogCache(redis).invalidate();
  } finally {
    redis.disconnect();
  }
}

async function fetchBody(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.text();
}

/**
 * The exact bytes the real API answers for the REST and tRPC list pages (the first fetch also fills
 * the API's cache), checked to be a full page of this run's products.
 */
export async function captureListPages(
  apiOrigin: string,
  databaseUrl: string,
  redisUrl: string,
): Promise<Record<string, string>> {
  await invalidateCatalogCache(redisUrl);
  const rest = await fetchBody(`${apiOrigin}${REST_LIST_PATH}`);
  const trpc = await fetchBody(`${apiOrigin}${TRPC_LIST_PATH}`);
  const ids = (JSON.parse(rest) as { products: { id: string }[] }).products.map((product) => product.id);
  const known = await countKnownProducts(databaseUrl, ids);
  if (ids.length !== LIST_LIMIT || known !== LIST_LIMIT)
    throw new Error(
      `the REST list page holds ${ids.length} products, ${known} of them from the bench database`,
    );
  return { [REST_LIST_PATH]: rest, [TRPC_LIST_PATH]: trpc };
}
