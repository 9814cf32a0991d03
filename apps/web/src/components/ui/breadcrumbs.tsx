import Link from "next/link";

export interface Crumb {
  label: string;
  href?: string;
}

/**
 * Where a page sits ("Orders / Order #100008" in the console, "Home / Kitchen / Kettle" in the store),
 * each step a link back; the last step is the page itself.
 */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-stone-600">
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, index) => (
          <li key={`${item.label}-${item.href ?? "here"}`} className="flex items-center gap-1">
            {index > 0 ? <span aria-hidden="true">/</span> : null}
            {item.href ? (
              <Link href={item.href} className="underline underline-offset-4 hover:text-stone-900">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="text-stone-900">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
