import { DEFAULT_VARIANT_TITLE } from "@stockroom/api/schemas";

/** Under a line's product name: which variant it is ("M / Black", left out for "Default") and its SKU. */
export function VariantLabel({
  variant,
  className = "text-sm text-stone-600",
}: {
  variant: { title: string; sku: string } | undefined;
  className?: string;
}) {
  if (!variant) return null;
  return (
    <span className={`block ${className}`}>
      {variant.title !== DEFAULT_VARIANT_TITLE ? (
        <span className="text-stone-800">{variant.title} · </span>
      ) : null}
      SKU {variant.sku}
    </span>
  );
}
