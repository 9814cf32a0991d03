"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { DEFAULT_VARIANT_TITLE, formatMoney } from "@stockroom/api/schemas";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "~/lib/trpc-client";

interface Result {
  key: string;
  group: "Orders" | "Products" | "Customers";
  label: string;
  detail: string;
  href: string;
}

const SEARCH_DELAY_MS = 150;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The console-wide search: ⌘K (Ctrl+K) or the header's button opens it; orders by number or e-mail,
 * products by name or SKU, customers by name or e-mail. Arrow keys move, Enter opens, Escape closes.
 */
export function CommandPalette() {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const q = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const search = useQuery({ ...trpc.admin.search.queryOptions({ q }), enabled: open && q.length > 0 });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((current) => !current);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const results = useMemo<Result[]>(() => {
    const data = search.data;
    if (!data) return [];
    return [
      ...data.orders.map((order) => ({
        key: `order-${order.id}`,
        group: "Orders" as const,
        label: `Order #${order.number}`,
        detail: `${order.customerEmail} · ${order.status} · ${formatMoney(order.totalCents, order.currency)}`,
        href: `/admin/orders/${order.id}`,
      })),
      ...data.products.map((product) => ({
        key: `product-${product.id}`,
        group: "Products" as const,
        label: product.name,
        detail: [
          product.matchedVariant
            ? `SKU ${product.matchedVariant.sku}${product.matchedVariant.title === DEFAULT_VARIANT_TITLE ? "" : ` (${product.matchedVariant.title})`}`
            : product.slug,
          product.active ? null : "archived",
        ]
          .filter(Boolean)
          .join(" · "),
        href: `/admin/products/${product.id}`,
      })),
      ...data.customers.map((customer) => ({
        key: `customer-${customer.id}`,
        group: "Customers" as const,
        label: customer.name,
        detail: customer.email,
        href: `/admin/customers/${customer.id}`,
      })),
    ];
  }, [search.data]);

  useEffect(() => setActive(0), [results]);

  function go(result: Result | undefined) {
    if (!result) return;
    setOpen(false);
    setQuery("");
    router.push(result.href);
  }

  const waiting = q.length > 0 && (search.isFetching || q !== query.trim());
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          className="flex items-center gap-3 rounded-md border border-stone-300 px-3 py-1.5 text-sm text-stone-600 hover:bg-stone-100"
        >
          Search orders, products, customers
          <kbd className="rounded border border-stone-300 px-1.5 text-xs">⌘K</kbd>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content className="fixed top-24 left-1/2 z-50 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white shadow-xl">
          <Dialog.Title className="sr-only">Search the console</Dialog.Title>
          <Dialog.Description className="sr-only">
            Orders by number or e-mail, products by name or SKU, customers by name or e-mail.
          </Dialog.Description>
          <input
            type="search"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls="admin-search-results"
            aria-activedescendant={results[active] ? `admin-search-${results[active].key}` : undefined}
            aria-label="Search orders, products and customers"
            placeholder="Order number, e-mail, SKU, product or customer name"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive((index) => Math.min(results.length - 1, index + 1));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive((index) => Math.max(0, index - 1));
              } else if (event.key === "Enter") {
                event.preventDefault();
                go(results[active]);
              }
            }}
            className="w-full rounded-t-lg border-b border-stone-200 px-4 py-3 outline-none"
          />
          <div className="max-h-96 overflow-y-auto p-2 text-sm">
            {q.length === 0 ? (
              <p className="px-2 py-3 text-stone-600">Type an order number, an e-mail, a SKU or a name.</p>
            ) : results.length === 0 ? (
              <p className="px-2 py-3 text-stone-600" role="status">
                {waiting
                  ? "Searching…"
                  : search.isError
                    ? "Search failed. Try again."
                    : `Nothing matches “${q}”.`}
              </p>
            ) : (
              <div id="admin-search-results" role="listbox" aria-label="Results">
                {results.map((result, index) => (
                  <div
                    key={result.key}
                    id={`admin-search-${result.key}`}
                    role="option"
                    // Focus stays in the input (aria-activedescendant); options are reached with the arrows.
                    tabIndex={-1}
                    aria-selected={index === active}
                    onMouseEnter={() => setActive(index)}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      go(result);
                    }}
                    className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 ${
                      index === active ? "bg-stone-900 text-white" : ""
                    }`}
                  >
                    <span className="truncate font-medium">{result.label}</span>
                    <span
                      className={`truncate text-xs ${index === active ? "text-stone-200" : "text-stone-600"}`}
                    >
                      {result.group} · {result.detail}
                    </span>
                  </div>
                ))}
              </div>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
