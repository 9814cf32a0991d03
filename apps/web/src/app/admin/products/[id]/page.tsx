import { DEFAULT_VARIANT_TITLE } from "@stockroom/api/schemas";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddVariantForm } from "~/components/admin/add-variant-form";
import { ProductForm } from "~/components/admin/product-form";
import { ProductOptionsForm } from "~/components/admin/product-options-form";
import { VariantsGridForm } from "~/components/admin/variants-grid-form";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";
import { stockLevelsOf } from "~/lib/stock-levels-server";

export const metadata = { title: "Edit product" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await apiForRequest();
  const [product, categories] = await Promise.all([
    api.product.byId.query({ id }).catch((error: unknown) => {
      if (
        error instanceof TRPCClientError &&
        (error.data?.httpStatus === 404 || error.data?.httpStatus === 400)
      )
        notFound();
      throw error;
    }),
    api.product.categories.query(),
  ]);
  const hasVariants =
    product.options.length > 0 || product.variants.some((variant) => variant.title !== DEFAULT_VARIANT_TITLE);
  const levels = hasVariants ? await stockLevelsOf(api, product) : new Map();
  // The grid starts afresh when variants are added (generated or one by one), not when they are saved.
  const gridKey = product.variants
    .map((variant) => variant.id)
    .sort()
    .join();
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Products", href: "/admin/products" }, { label: product.name }]} />
      <h1 className="text-2xl font-semibold">{product.name}</h1>
      <p className="text-sm">
        {product.active ? "Active" : "Archived"} · {product.stock} in stock
        {product.variants.length > 1 ? ` across ${product.variants.length} variants` : ""} ·{" "}
        <Link href={`/admin/inventory/${product.id}`} className="underline underline-offset-4">
          Stock and movements
        </Link>{" "}
        ·{" "}
        <Link href={`/p/${product.slug}`} className="underline underline-offset-4">
          View in the shop
        </Link>
      </p>
      <ProductForm product={product} categories={categories} />
      <section aria-labelledby="variants-heading" className="flex flex-col gap-4">
        <h2 id="variants-heading" className="text-lg font-medium">
          Options and variants
        </h2>
        <ProductOptionsForm product={product} />
        {hasVariants ? (
          <>
            <VariantsGridForm
              key={gridKey}
              product={product}
              levels={[...levels.values()].map(({ variantId, onHand, version }) => ({
                variantId,
                onHand,
                version,
              }))}
            />
            <AddVariantForm key={`add-${gridKey}`} product={product} />
          </>
        ) : null}
      </section>
    </div>
  );
}
