import "server-only";
import type { RouterOutputs } from "@stockroom/api/schemas";
import type { apiForRequest } from "./api-server";

type Api = Awaited<ReturnType<typeof apiForRequest>>;
export type StockLevel = RouterOutputs["inventory"]["levels"]["levels"][number];

/**
 * The stock levels (with the versions an adjustment must name) of one product's variants (at most
 * 100, one page), keyed by variant id.
 */
export async function stockLevelsOf(api: Api, product: { id: string }) {
  const { levels } = await api.inventory.levels.query({ productId: product.id, limit: 100 });
  return new Map(levels.map((level) => [level.variantId, level]));
}
