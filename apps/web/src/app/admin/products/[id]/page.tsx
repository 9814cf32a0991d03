import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductForm } from "~/components/admin/product-form";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";

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
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Products", href: "/admin/products" }, { label: product.name }]} />
      <h1 className="text-2xl font-semibold">{product.name}</h1>
      <p className="text-sm">
        {product.active ? "Active" : "Archived"} · {product.stock} in stock ·{" "}
        <Link href={`/admin/inventory/${product.id}`} className="underline underline-offset-4">
          Stock and movements
        </Link>{" "}
        ·{" "}
        <Link href={`/p/${product.slug}`} className="underline underline-offset-4">
          View in the shop
        </Link>
      </p>
      <ProductForm product={product} categories={categories} />
    </div>
  );
}
