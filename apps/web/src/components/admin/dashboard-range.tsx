import { DASHBOARD_RANGES } from "@stockroom/api/schemas";
import Link from "next/link";

/**
 * The range as links (`?range=30`): the URL holds it, so it survives a reload and can be shared, and
 * it works before any script runs. The current one is marked with aria-current.
 */
export function DashboardRangeNav({ range }: { range: number }) {
  return (
    <nav aria-label="Date range">
      <ul className="inline-flex rounded-md border border-line bg-surface p-0.5 text-sm">
        {DASHBOARD_RANGES.map((days) => {
          const current = days === range;
          return (
            <li key={days}>
              <Link
                href={`/admin?range=${days}`}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-1.5 ${current ? "bg-primary text-primary-ink" : "text-ink hover:bg-canvas"}`}
              >
                {days} days
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
