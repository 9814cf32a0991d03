import { TRPCClientError } from "@trpc/client";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductPurchase } from "~/components/product-purchase";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";
import { initialVariant } from "~/lib/variant-choice";

async function loadProduct(slug: string) {
  try {
    return await (await apiForRequest()).product.bySlug.query({ slug });
  } catch (error) {
    // A slug the API refuses as input (too long, say) names no product either: 404, not a 500.
    const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
    if (status === 404 || status === 400) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  return { title: (await loadProduct((await params).slug)).name };
}

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ variant?: string | string[] }>;
}) {
  const product = await loadProduct((await params).slug);
  const requested = (await searchParams).variant;
  // A link names a variant (?variant=); an unknown or retired one opens on the first that can be bought.
  const variant = initialVariant(product.variants, typeof requested === "string" ? requested : undefined);
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs
        items={[
          { label: "Home", href: "/" },
          ...(product.category
            ? [{ label: product.category.name, href: `/c/${product.category.slug}` }]
            : []),
          { label: product.name },
        ]}
      />
      <article className="grid gap-8 md:grid-cols-2">
        <img
          src={product.imageUrl ?? "/images/products/placeholder.svg"}
          alt={product.name}
          width={400}
          height={400}
          className="w-full rounded-xl border border-stone-200 bg-white"
        />
        <div className="flex flex-col gap-4">
          {product.category ? (
            <Link
              href={`/c/${product.category.slug}`}
              className="text-sm text-emerald-800 underline underline-offset-4"
            >
              {product.category.name}
            </Link>
          ) : null}
          <h1 className="text-3xl font-semibold">{product.name}</h1>
          {variant ? (
            <ProductPurchase key={variant.id} product={product} initialVariantId={variant.id} />
          ) : (
            <p className="font-medium text-stone-600">Not for sale</p>
          )}
          <p className="text-stone-700">{product.description}</p>
          {product.active ? null : (
            // Only staff reach an archived product here (shoppers get a 404): say why nobody can buy it.
            <p
              role="note"
              className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
            >
              <strong>Archived: hidden from shoppers.</strong> Shoppers get "not found" here and cannot buy
              it.{" "}
              <Link href={`/admin/products/${product.id}`} className="underline underline-offset-4">
                Edit in the admin console
              </Link>
            </p>
          )}
        </div>
      </article>
    </div>
  );
}
