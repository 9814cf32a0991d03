import { type BrowseParams, ProductBrowser } from "~/components/product-browser";

export const metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<BrowseParams> }) {
  const params = await searchParams;
  const q = typeof params.q === "string" && params.q ? params.q : undefined;
  return <ProductBrowser params={params} heading={q ? `Results for “${q}”` : "All products"} />;
}
