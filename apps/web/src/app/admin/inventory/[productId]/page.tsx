import { TRPCClientError } from "@trpc/client";
import { notFound } from "next/navigation";
import { StockAdjustForm } from "~/components/admin/stock-adjust-form";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Stock" };

export default async function ProductStockPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  const api = await apiForRequest();
  const product = await api.product.byId.query({ id: productId }).catch((error: unknown) => {
    if (
      error instanceof TRPCClientError &&
      (error.data?.httpStatus === 404 || error.data?.httpStatus === 400)
    )
      notFound();
    throw error;
  });
  const [{ levels }, { movements }] = await Promise.all([
    api.inventory.levels.query({ q: product.slug, limit: 5 }),
    api.inventory.movements.query({ productId, limit: 100 }),
  ]);
  const level = levels.find((l) => l.productId === productId);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ label: "Inventory", href: "/admin/inventory" }, { label: product.name }]} />
      <h1 className="text-2xl font-semibold">Stock: {product.name}</h1>
      <p>
        On hand: <strong data-testid="on-hand">{level?.onHand ?? 0}</strong>
      </p>
      {level ? <StockAdjustForm productId={productId} version={level.version} onHand={level.onHand} /> : null}
      <section aria-labelledby="movements-heading">
        <h2 id="movements-heading" className="mb-2 text-lg font-medium">
          Movement history
        </h2>
        <section
          // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the ledger scrolls sideways in its box, and a keyboard must be able to scroll it
          tabIndex={0}
          aria-label="Movement history table"
          className="overflow-x-auto rounded-lg border border-stone-200 bg-white"
        >
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">When</th>
                <th className="p-2">Change</th>
                <th className="p-2">Reason</th>
                <th className="p-2">By</th>
                <th className="p-2">Note</th>
                <th className="p-2 text-right">Resulting</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((movement) => (
                <tr key={movement.id} className="border-t border-stone-200">
                  <td className="whitespace-nowrap p-2">
                    <DateTime value={movement.createdAt} />
                  </td>
                  <td className="p-2">{movement.delta > 0 ? `+${movement.delta}` : `−${-movement.delta}`}</td>
                  <td className="p-2 capitalize">
                    {movement.reason}
                    {movement.order ? ` (order #${movement.order.number})` : ""}
                  </td>
                  <td className="p-2">{movement.actor?.name ?? "—"}</td>
                  <td className="p-2">{movement.note ?? ""}</td>
                  <td className="p-2 text-right">{movement.quantityAfter}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </div>
  );
}
