import {
  DEFAULT_CURRENCY,
  ProductListInput,
  type ProductSort,
  roundToMinorUnits,
} from "@stockroom/api/schemas";
import Link from "next/link";
import { apiForRequest } from "~/lib/api-server";
import { FilterDrawer } from "./filter-drawer";
import { ProductGrid } from "./product-card";
import { Button, buttonClass } from "./ui/button";

export type BrowseParams = Record<string, string | string[] | undefined>;

const sorts: { value: ProductSort; label: string }[] = [
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "name", label: "Name" },
];

function one(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first : undefined;
}

/** Price filters are typed in the shop currency's major units. */
function filterAmountToCents(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? roundToMinorUnits(number, DEFAULT_CURRENCY) : undefined;
}

/** Search, category and filter pages: every choice lives in the URL, so any view can be shared. */
export async function ProductBrowser({
  params,
  category,
  heading,
}: {
  params: BrowseParams;
  category?: string;
  heading: string;
}) {
  const api = await apiForRequest();
  const q = one(params.q);
  const sort = sorts.find((s) => s.value === one(params.sort))?.value ?? "newest";
  const categoryFilter = category ?? one(params.category);
  const min = one(params.min);
  const max = one(params.max);
  const inStock = one(params.inStock) === "1";
  const minCents = filterAmountToCents(min);
  const maxCents = filterAmountToCents(max);
  const priceRangeInverted = minCents !== undefined && maxCents !== undefined && minCents > maxCents;
  // The same rule the API applies, checked here so a search it would refuse is explained on the page.
  const queryProblem = ProductListInput.shape.q.safeParse(q).error?.issues[0]?.message;
  const [page, categories] = await Promise.all([
    priceRangeInverted || queryProblem
      ? Promise.resolve({ products: [], nextCursor: null })
      : api.product.list.query({
          q,
          sort,
          category: categoryFilter,
          minPriceCents: minCents,
          maxPriceCents: maxCents,
          inStock: inStock || undefined,
          cursor: one(params.cursor),
          limit: 12,
        }),
    api.product.categories.query(),
  ]);
  const base = category ? `/c/${category}` : "/search";
  const filters = {
    q,
    category: category ? undefined : categoryFilter,
    min,
    max,
    inStock: inStock ? "1" : undefined,
  };
  const hrefWith = (chosen: Record<string, string | undefined>, cursor: string | null = null) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...chosen, sort: sort === "newest" ? undefined : sort })) {
      if (value) search.set(key, value);
    }
    if (cursor) search.set("cursor", cursor);
    const text = search.toString();
    return text ? `${base}?${text}` : base;
  };
  const withCursor = (cursor: string | null) => hrefWith(filters, cursor);
  const categoryName = categories.find((c) => c.slug === filters.category)?.name ?? filters.category;
  const chips = [
    filters.q && { key: "q", label: `“${filters.q}”` },
    filters.category && { key: "category", label: categoryName ?? "" },
    filters.min && { key: "min", label: `From $${filters.min}` },
    filters.max && { key: "max", label: `Up to $${filters.max}` },
    filters.inStock && { key: "inStock", label: "In stock" },
  ].filter((chip): chip is { key: keyof typeof filters; label: string } => Boolean(chip));
  return (
    <div className="grid gap-4 md:grid-cols-[14rem_1fr] md:gap-8">
      <FilterDrawer activeCount={chips.length}>
        <form
          action={base}
          aria-label="Filters"
          className="flex flex-col gap-4 rounded-card border border-line bg-surface p-4"
        >
          {q !== undefined || !category ? (
            <label className="flex flex-col gap-1 text-sm">
              Search
              <input
                name="q"
                type="search"
                defaultValue={q}
                className="rounded-md border border-stone-300 px-2 py-1.5"
              />
            </label>
          ) : null}
          {category ? null : (
            <label className="flex flex-col gap-1 text-sm">
              Category
              <select
                name="category"
                defaultValue={categoryFilter ?? ""}
                className="rounded-md border border-stone-300 px-2 py-1.5"
              >
                <option value="">All categories</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <fieldset className="flex gap-2 text-sm">
            <legend className="mb-1">Price (USD)</legend>
            <label className="flex flex-col gap-1">
              Min
              <input
                name="min"
                type="number"
                min="0"
                step="1"
                defaultValue={min}
                className="w-20 rounded-md border border-stone-300 px-2 py-1.5"
              />
            </label>
            <label className="flex flex-col gap-1">
              Max
              <input
                name="max"
                type="number"
                min="0"
                step="1"
                defaultValue={max}
                className="w-20 rounded-md border border-stone-300 px-2 py-1.5"
              />
            </label>
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input name="inStock" type="checkbox" value="1" defaultChecked={inStock} />
            In stock only
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Sort by
            <select
              name="sort"
              defaultValue={sort}
              className="rounded-md border border-stone-300 px-2 py-1.5"
            >
              {sorts.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit">Apply filters</Button>
        </form>
      </FilterDrawer>
      <section aria-labelledby="results-heading">
        <h1 id="results-heading" className="mb-4 text-title font-semibold">
          {heading}
        </h1>
        {chips.length > 0 ? (
          <ul aria-label="Active filters" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
            {chips.map((chip) => (
              <li key={chip.key}>
                <Link
                  href={hrefWith({ ...filters, [chip.key]: undefined })}
                  className="inline-flex items-center gap-1 rounded-full border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100"
                >
                  {chip.label}
                  <span aria-hidden="true">×</span>
                  <span className="sr-only"> (remove this filter)</span>
                </Link>
              </li>
            ))}
            <li>
              <Link href={hrefWith({})} className="underline underline-offset-4">
                Clear filters
              </Link>
            </li>
          </ul>
        ) : null}
        {queryProblem ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
            This search could not be run ({queryProblem.toLowerCase()}). Change the words you searched for.
          </p>
        ) : priceRangeInverted ? (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-800">
            The minimum price (${min}) is above the maximum (${max}). Change one of them to see products.
          </p>
        ) : (
          <>
            <p className="mb-3 text-sm text-stone-600" aria-live="polite">
              {page.products.length === 0
                ? "No products"
                : `Showing ${page.products.length} product${page.products.length === 1 ? "" : "s"}${page.nextCursor ? ", more on the next page" : ""}`}
            </p>
            <ProductGrid products={page.products} label="Products" />
          </>
        )}
        <nav aria-label="Pages" className="mt-6 flex gap-3">
          {params.cursor ? (
            <Link href={withCursor(null)} className={buttonClass({ variant: "secondary" })}>
              First page
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={withCursor(page.nextCursor)} className={buttonClass({ variant: "secondary" })}>
              Next page
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
