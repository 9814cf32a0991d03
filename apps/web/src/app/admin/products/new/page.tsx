import { ProductForm } from "~/components/admin/product-form";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "New product" };

export default async function NewProductPage() {
  const categories = await (await apiForRequest()).product.categories.query();
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Products", href: "/admin/products" }, { label: "New product" }]} />
      <h1 className="text-2xl font-semibold">New product</h1>
      <ProductForm categories={categories} />
    </div>
  );
}
