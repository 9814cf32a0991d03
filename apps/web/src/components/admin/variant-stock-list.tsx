import type { RouterOutputs } from "@stockroom/api/schemas";
import Link from "next/link";
import { stockPageHref } from "~/lib/variant-label";
import { StockStatusBadge } from "../status-badges";
import { Badge } from "../ui/badge";

type Variant = RouterOutputs["product"]["byId"]["variants"][number];

/** A product's variants with their stock; each opens its own adjust form and ledger below. */
export function VariantStockList({
  productId,
  variants,
  onHandOf,
  lowStockThreshold,
  selectedId,
}: {
  productId: string;
  variants: Variant[];
  onHandOf: (variantId: string) => number;
  lowStockThreshold: number;
  selectedId: string;
}) {
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the list scrolls sideways in its box, and a keyboard must be able to scroll it
      tabIndex={0}
      aria-label="Variants and their stock"
      className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Stock of each variant</caption>
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">Variant</th>
            <th className="p-2">SKU</th>
            <th className="p-2 text-right">On hand</th>
            <th className="p-2">Stock status</th>
          </tr>
        </thead>
        <tbody>
          {variants.map((variant) => {
            const selected = variant.id === selectedId;
            return (
              <tr key={variant.id} className={`border-t border-stone-200 ${selected ? "bg-stone-100" : ""}`}>
                <td className="p-2">
                  <Link
                    href={stockPageHref(productId, variant)}
                    aria-current={selected ? "page" : undefined}
                    className={`underline underline-offset-4 ${selected ? "font-semibold" : ""}`}
                  >
                    {variant.title}
                  </Link>{" "}
                  {variant.active ? null : <Badge tone="neutral">Not sold</Badge>}
                </td>
                <td className="p-2 font-mono text-xs">{variant.sku}</td>
                <td className="p-2 text-right">{onHandOf(variant.id)}</td>
                <td className="p-2">
                  <StockStatusBadge onHand={onHandOf(variant.id)} lowStockThreshold={lowStockThreshold} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
