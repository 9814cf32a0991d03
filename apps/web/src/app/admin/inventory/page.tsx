import Link from "next/link";
import { EmptyState, NextPageLink, ProductThumbnail } from "~/components/list-parts";
import { StockStatusBadge } from "~/components/status-badges";
import { Badge } from "~/components/ui/badge";
import { DataTable, type DataTableColumn } from "~/components/ui/data-table";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";
import { stockPageHref, variantLabel } from "~/lib/variant-label";

export const metadata = { title: "Inventory" };

// One row per variant, listed by product name (a keyset over the product name index); no other order is offered.
const columns: DataTableColumn[] = [
  { id: "product", header: "Product", hideable: false, sort: { direction: "ascending" } },
  { id: "sku", header: "SKU" },
  { id: "onHand", header: "On hand", align: "right" },
  { id: "status", header: "Stock status" },
  { id: "lowAt", header: "Low at", align: "right" },
  { id: "updated", header: "Updated" },
];

export default async function InventoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const lowStock = params.low === "1";
  const { levels, nextCursor } = await (await apiForRequest()).inventory.levels.query({
    lowStock,
    q: params.q || undefined,
    cursor: params.cursor || undefined,
    limit: 50,
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Inventory</h1>
      <form
        action="/admin/inventory"
        aria-label="Inventory filters"
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label className="flex flex-col gap-1">
          Search (name or SKU)
          <input
            name="q"
            type="search"
            defaultValue={params.q}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="flex items-center gap-2">
          <input name="low" type="checkbox" value="1" defaultChecked={lowStock} />
          Low stock only
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Apply
        </button>
      </form>
      {levels.length === 0 ? (
        <EmptyState>Nothing to show.</EmptyState>
      ) : (
        <DataTable
          tableId="admin-inventory"
          caption="Stock levels"
          columns={columns}
          rows={levels.map((level) => ({
            id: level.variantId,
            cells: {
              product: (
                <span className="flex items-center gap-3">
                  <ProductThumbnail src={level.imageUrl} />
                  <Link
                    href={stockPageHref(level.productId, { id: level.variantId, title: level.variantTitle })}
                    className="underline underline-offset-4"
                  >
                    {variantLabel(level.name, level.variantTitle)}
                  </Link>
                  {level.variantActive ? null : <Badge tone="neutral">Not sold</Badge>}
                </span>
              ),
              sku: <span className="font-mono text-xs">{level.sku}</span>,
              onHand: level.onHand,
              status: <StockStatusBadge onHand={level.onHand} lowStockThreshold={level.lowStockThreshold} />,
              lowAt: level.lowStockThreshold,
              updated: <DateTime value={level.updatedAt} format="relative" />,
            },
          }))}
        />
      )}
      <NextPageLink path="/admin/inventory" params={params} cursor={nextCursor} />
    </div>
  );
}
