"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** The header's search box; on the search page it shows the query the results are for. */
export function SiteSearch() {
  const pathname = usePathname();
  const params = useSearchParams();
  const query = pathname === "/search" ? (params.get("q") ?? "") : "";
  return (
    <form action="/search" className="flex gap-2">
      <label htmlFor="site-search" className="sr-only">
        Search products
      </label>
      <input
        // Remounted per query, so navigating to another search shows that one's text.
        key={query}
        id="site-search"
        name="q"
        type="search"
        placeholder="Search products"
        defaultValue={query}
        className="w-full rounded-md border border-stone-300 px-3 py-2"
      />
      <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 text-white">
        Search
      </button>
    </form>
  );
}
