import Link from "next/link";
import { EmptyState, NextPageLink } from "~/components/list-parts";
import { StockStatusBadge } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Inventory" };

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
          Search
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
        <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th className="p-2">Product</th>
              <th className="p-2 text-right">On hand</th>
              <th className="p-2">Stock status</th>
              <th className="p-2 text-right">Low at</th>
              <th className="p-2">Updated</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level) => (
              <tr key={level.productId} className="border-t border-stone-200">
                <td className="p-2">
                  <Link href={`/admin/inventory/${level.productId}`} className="underline underline-offset-4">
                    {level.name}
                  </Link>
                </td>
                <td className="p-2 text-right">{level.onHand}</td>
                <td className="p-2">
                  <StockStatusBadge onHand={level.onHand} lowStockThreshold={level.lowStockThreshold} />
                </td>
                <td className="p-2 text-right">{level.lowStockThreshold}</td>
                <td className="p-2">
                  <DateTime value={level.updatedAt} format="relative" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NextPageLink path="/admin/inventory" params={params} cursor={nextCursor} />
    </div>
  );
}
