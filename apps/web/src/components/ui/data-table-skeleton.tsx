import { Skeleton } from "./skeleton";

/** A list page while it loads: its heading, a row of filters, and a table of `rows` rows. */
export function DataTableSkeleton({
  rows = 8,
  columns = 5,
  filters = 3,
}: {
  rows?: number;
  columns?: number;
  filters?: number;
}) {
  const cells = Array.from({ length: columns }, (_, column) => column);
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-56" />
      <div className="flex flex-wrap items-end gap-3">
        {Array.from({ length: filters }, (_, filter) => (
          <Skeleton key={filter} className="h-9 w-40" />
        ))}
        <Skeleton className="h-9 w-20" />
      </div>
      <div className="overflow-hidden rounded-card border border-line bg-surface">
        <div className="flex gap-4 bg-stone-100 p-3">
          {cells.map((column) => (
            <Skeleton key={column} className="h-4 flex-1" />
          ))}
        </div>
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="flex items-center gap-4 border-t border-line p-3">
            {cells.map((column) => (
              <Skeleton key={column} className={column === 0 ? "h-10 flex-1" : "h-4 flex-1"} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
