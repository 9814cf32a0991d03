import { DEFAULT_VARIANT_TITLE } from "@stockroom/api/schemas";

/** "Everyday Tee — M / Black", or just the product's name for its one default variant. */
export function variantLabel(productName: string, variantTitle: string): string {
  return variantTitle === DEFAULT_VARIANT_TITLE ? productName : `${productName} — ${variantTitle}`;
}

/** The stock page of a product, opened on one of its variants (a default variant is the page itself). */
export function stockPageHref(productId: string, variant?: { id: string; title: string }): string {
  return variant && variant.title !== DEFAULT_VARIANT_TITLE
    ? `/admin/inventory/${productId}?variant=${encodeURIComponent(variant.id)}`
    : `/admin/inventory/${productId}`;
}
