import Link from "next/link";
import { ArchiveToggle } from "~/components/admin/archive-toggle";
import { EmptyState, NextPageLink } from "~/components/list-parts";
import { StockStatusBadge } from "~/components/status-badges";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";

export const metadata = { title: "Products" };

type Params = Record<string, string | undefined>;
const sorts = {
  newest: "Newest",
  name: "Name",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
} as const;

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const sort = (Object.keys(sorts).find((key) => key === params.sort) ?? "newest") as keyof typeof sorts;
  const api = await apiForRequest();
  const categories = await api.product.categories.query();
  const page = await api.product.list.query({
    q: params.q || undefined,
    category: params.category || undefined,
    inStock: params.inStock === "1" || undefined,
    sort,
    cursor: params.cursor || undefined,
    includeArchived: true,
    limit: 25,
  });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Products</h1>
        <div className="flex gap-2">
          <Link
            href="/admin/products/import"
            className="rounded-md border border-stone-300 px-3 py-2 text-sm"
          >
            Import / export CSV
          </Link>
          <Link href="/admin/products/new" className="rounded-md bg-stone-900 px-3 py-2 text-sm text-white">
            New product
          </Link>
        </div>
      </div>
      <form
        action="/admin/products"
        aria-label="Product filters"
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
        <label className="flex flex-col gap-1">
          Category
          <select
            name="category"
            defaultValue={params.category ?? ""}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          >
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category.id} value={category.slug}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Sort by
          <select name="sort" defaultValue={sort} className="rounded-md border border-stone-300 px-2 py-1.5">
            {Object.entries(sorts).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input name="inStock" type="checkbox" value="1" defaultChecked={params.inStock === "1"} />
          In stock only
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Apply
        </button>
      </form>
      {page.products.length === 0 ? (
        <EmptyState>No products match.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">Name</th>
                <th className="p-2">Category</th>
                <th className="p-2 text-right">Price</th>
                <th className="p-2 text-right">Stock</th>
                <th className="p-2">Status</th>
                <th className="p-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.products.map((product) => (
                <tr key={product.id} className="border-t border-stone-200">
                  <td className="p-2">
                    <Link href={`/admin/products/${product.id}`} className="underline underline-offset-4">
                      {product.name}
                    </Link>
                  </td>
                  <td className="p-2">{product.category?.name ?? "—"}</td>
                  <td className="p-2 text-right">{formatMoney(product.priceCents, product.currency)}</td>
                  <td className="p-2 text-right">
                    <span className="mr-2">{product.stock}</span>
                    <StockStatusBadge onHand={product.stock} lowStockThreshold={product.lowStockThreshold} />
                  </td>
                  <td className="p-2">{product.active ? "Active" : "Archived"}</td>
                  <td className="p-2">
                    <ArchiveToggle
                      productId={product.id}
                      productName={product.name}
                      active={product.active}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPageLink path="/admin/products" params={params} cursor={page.nextCursor} />
    </div>
  );
}
