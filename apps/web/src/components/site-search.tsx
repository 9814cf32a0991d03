"use client";

import { Search } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { Button } from "./ui/button";

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
        className="w-full rounded-control border border-line-strong px-3 py-2"
      />
      <Button type="submit" aria-label="Search" className="px-3 sm:px-4">
        <Search aria-hidden="true" className="size-4" />
        <span className="hidden sm:inline">Search</span>
      </Button>
    </form>
  );
}
