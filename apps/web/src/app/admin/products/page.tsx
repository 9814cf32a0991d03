import Link from "next/link";
import { ArchiveToggle } from "~/components/admin/archive-toggle";
import { ProductsTable } from "~/components/admin/products-table";
import { EmptyState, NextPageLink, ProductThumbnail, queryOf, sortHref } from "~/components/list-parts";
import { StockStatusBadge } from "~/components/status-badges";
import { Badge } from "~/components/ui/badge";
import type { DataTableColumn } from "~/components/ui/data-table";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";

export const metadata = { title: "Products" };

type Params = Record<string, string | undefined>;
type Sort = keyof typeof sorts;
const sorts = {
  newest: "Newest",
  name: "Name",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
} as const;

/**
 * The table's columns. Name, price and date added sort on the server (each is a keyset over an index,
 * see ProductSortSchema); the others cannot, so their headers are plain.
 */
function productColumns(params: Params, sort: Sort): DataTableColumn[] {
  const to = (next: Sort, label: string) => ({
    href: sortHref("/admin/products", params, next, "newest"),
    label,
  });
  return [
    {
      id: "name",
      header: "Name",
      hideable: false,
      sort: {
        direction: sort === "name" ? "ascending" : null,
        next: sort === "name" ? undefined : to("name", "Sort A to Z"),
      },
    },
    { id: "category", header: "Category" },
    {
      id: "price",
      header: "Price",
      align: "right",
      sort: {
        direction: sort === "price_asc" ? "ascending" : sort === "price_desc" ? "descending" : null,
        next:
          sort === "price_asc" ? to("price_desc", "Sort high to low") : to("price_asc", "Sort low to high"),
      },
    },
    { id: "stock", header: "Stock", align: "right" },
    { id: "status", header: "Status" },
    {
      id: "added",
      header: "Added",
      sort: {
        direction: sort === "newest" ? "descending" : null,
        next: sort === "newest" ? undefined : to("newest", "Sort newest first"),
      },
    },
    { id: "actions", header: "Actions", headerHidden: true, hideable: false },
  ];
}

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const sort = (Object.keys(sorts).find((key) => key === params.sort) ?? "newest") as Sort;
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
      {/* Keyed by the query, so its fields follow the URL when a header link changes the sort. */}
      <form
        key={queryOf(params)}
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
        <ProductsTable
          columns={productColumns(params, sort)}
          names={Object.fromEntries(page.products.map((product) => [product.id, product.name]))}
          rows={page.products.map((product) => ({
            id: product.id,
            selectLabel: `Select ${product.name}`,
            cells: {
              name: (
                <span className="flex items-center gap-3">
                  <ProductThumbnail src={product.imageUrl} />
                  <Link href={`/admin/products/${product.id}`} className="underline underline-offset-4">
                    {product.name}
                  </Link>
                </span>
              ),
              category: product.category?.name ?? "—",
              // Variants priced apart show the range (the lowest is what the price column sorts by).
              price:
                product.maxPriceCents > product.priceCents
                  ? `${formatMoney(product.priceCents, product.currency)} – ${formatMoney(product.maxPriceCents, product.currency)}`
                  : formatMoney(product.priceCents, product.currency),
              stock: (
                <>
                  <span className="mr-2">{product.stock}</span>
                  <StockStatusBadge onHand={product.stock} lowStockThreshold={product.lowStockThreshold} />
                </>
              ),
              status: product.active ? (
                <Badge tone="success">Active</Badge>
              ) : (
                <Badge tone="neutral">Archived</Badge>
              ),
              added: <DateTime value={product.createdAt} format="date" />,
              actions: (
                <ArchiveToggle productId={product.id} productName={product.name} active={product.active} />
              ),
            },
          }))}
        />
      )}
      <NextPageLink path="/admin/products" params={params} cursor={page.nextCursor} />
    </div>
  );
}
