import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "~/components/ui/button";

/** What a list shows when nothing matches. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
      {children}
    </p>
  );
}

/** The same list with the next keyset cursor; every other parameter is kept. */
export function nextPageHref(
  path: string,
  params: Record<string, string | undefined>,
  cursor: string,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, cursor })) if (value) search.set(key, value);
  return `${path}?${search.toString()}`;
}

/** The list's parameters as a query string (empty ones left out), such as a form's key. */
export function queryOf(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

/**
 * The same list sorted by `sort`, from its first page (a keyset cursor belongs to one sort); the
 * default sort leaves the parameter out. Every filter is kept.
 */
export function sortHref(
  path: string,
  params: Record<string, string | undefined>,
  sort: string,
  defaultSort: string,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value && key !== "cursor" && key !== "sort") search.set(key, value);
  if (sort !== defaultSort) search.set("sort", sort);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** A 48 px product picture beside its name (which says what it is, so the picture's alt is empty). */
export function ProductThumbnail({ src }: { src: string | null }) {
  return (
    <img
      src={src ?? "/images/products/placeholder.svg"}
      alt=""
      width={48}
      height={48}
      loading="lazy"
      className="size-12 shrink-0 rounded-md border border-line bg-stone-100 object-cover"
    />
  );
}

export function NextPageLink({
  path,
  params,
  cursor,
}: {
  path: string;
  params: Record<string, string | undefined>;
  cursor: string | null;
}) {
  if (!cursor) return null;
  return (
    <Link
      href={nextPageHref(path, params, cursor)}
      className={buttonClass({ variant: "secondary", className: "self-start" })}
    >
      Next page
    </Link>
  );
}

/** "From" and "To" date inputs for list filters (ISO dates in the URL). */
export function DateRangeFields({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <label className="flex flex-col gap-1">
        From
        <input
          name="from"
          type="date"
          defaultValue={from}
          className="rounded-md border border-stone-300 px-2 py-1.5"
        />
      </label>
      <label className="flex flex-col gap-1">
        To
        <input
          name="to"
          type="date"
          defaultValue={to}
          className="rounded-md border border-stone-300 px-2 py-1.5"
        />
      </label>
    </>
  );
}

/** End of the given day, so a "to" date includes that whole day. */
export function endOfDay(date: string | undefined): Date | undefined {
  return date ? new Date(`${date}T23:59:59.999Z`) : undefined;
}
