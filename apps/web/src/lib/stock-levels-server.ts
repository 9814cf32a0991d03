import "server-only";
import type { RouterOutputs } from "@stockroom/api/schemas";
import type { apiForRequest } from "./api-server";

type Api = Awaited<ReturnType<typeof apiForRequest>>;
export type StockLevel = RouterOutputs["inventory"]["levels"]["levels"][number];

// A product has at most 100 variants; other products whose name or SKU contains its slug share the pages.
const MAX_PAGES = 5;

/**
 * The stock levels (with the versions an adjustment must name) of one product's variants, keyed by
 * variant id. inventory.levels has no product filter; its search matches the product's slug.
 */
export async function stockLevelsOf(api: Api, product: { id: string; slug: string }, variantCount: number) {
  const found = new Map<string, StockLevel>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES && found.size < variantCount; page += 1) {
    const { levels, nextCursor } = await api.inventory.levels.query({ q: product.slug, limit: 100, cursor });
    for (const level of levels) if (level.productId === product.id) found.set(level.variantId, level);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return found;
}
