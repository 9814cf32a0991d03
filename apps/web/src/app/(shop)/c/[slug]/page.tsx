import { notFound } from "next/navigation";
import { type BrowseParams, ProductBrowser } from "~/components/product-browser";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";

export default async function CategoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<BrowseParams>;
}) {
  const { slug } = await params;
  const categories = await (await apiForRequest()).product.categories.query();
  const category = categories.find((c) => c.slug === slug);
  if (!category) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Home", href: "/" }, { label: category.name }]} />
      <ProductBrowser params={await searchParams} category={slug} heading={category.name} />
    </div>
  );
}
