import { DEFAULT_VARIANT_TITLE } from "@stockroom/api/schemas";
import { TRPCClientError } from "@trpc/client";
import { notFound } from "next/navigation";
import { StockAdjustForm } from "~/components/admin/stock-adjust-form";
import { StockLedger } from "~/components/admin/stock-ledger";
import { VariantStockList } from "~/components/admin/variant-stock-list";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";
import { stockLevelsOf } from "~/lib/stock-levels-server";

export const metadata = { title: "Stock" };

export default async function ProductStockPage({
  params,
  searchParams,
}: {
  params: Promise<{ productId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { productId } = await params;
  const { variant: variantParam } = await searchParams;
  const api = await apiForRequest();
  const product = await api.product.byId.query({ id: productId }).catch((error: unknown) => {
    if (
      error instanceof TRPCClientError &&
      (error.data?.httpStatus === 404 || error.data?.httpStatus === 400)
    )
      notFound();
    throw error;
  });
  const variant = product.variants.find((v) => v.id === variantParam) ?? product.variants[0];
  if (!variant) notFound();
  const [levels, { movements }] = await Promise.all([
    stockLevelsOf(api, product),
    api.inventory.movements.query({ variantId: variant.id, limit: 100 }),
  ]);
  const level = levels.get(variant.id);
  const several = product.variants.length > 1 || variant.title !== DEFAULT_VARIANT_TITLE;
  const variantName = several ? `${variant.title} (SKU ${variant.sku})` : `SKU ${variant.sku}`;
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs items={[{ label: "Inventory", href: "/admin/inventory" }, { label: product.name }]} />
      <h1 className="text-2xl font-semibold">Stock: {product.name}</h1>
      {several ? (
        <VariantStockList
          productId={product.id}
          variants={product.variants}
          onHandOf={(id) => levels.get(id)?.onHand ?? 0}
          lowStockThreshold={product.lowStockThreshold}
          selectedId={variant.id}
        />
      ) : null}
      <section aria-labelledby="variant-stock-heading" className="flex flex-col gap-4">
        <h2 id="variant-stock-heading" className="text-lg font-medium">
          {several ? variant.title : "Stock"}{" "}
          <span className="ml-2 font-mono text-sm font-normal text-stone-600">{variant.sku}</span>
        </h2>
        <p>
          On hand: <strong data-testid="on-hand">{level?.onHand ?? 0}</strong>
        </p>
        {level ? (
          <StockAdjustForm
            key={variant.id}
            variantId={variant.id}
            variantName={variantName}
            version={level.version}
            onHand={level.onHand}
          />
        ) : null}
      </section>
      <section aria-labelledby="movements-heading">
        <h2 id="movements-heading" className="mb-2 text-lg font-medium">
          Movement history{several ? `: ${variant.title}` : ""}
        </h2>
        <StockLedger movements={movements} caption={`Stock movements of ${variantName}`} />
      </section>
    </div>
  );
}
