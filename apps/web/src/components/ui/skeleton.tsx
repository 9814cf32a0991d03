/** Grey placeholders in the shape of the page that is loading, announced once to screen readers. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-control bg-stone-200 ${className}`} />;
}

/** A heading, an optional summary card and a table of `rows` rows. */
export function PageSkeleton({ rows = 6, card = false }: { rows?: number; card?: boolean }) {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading…</span>
      <Skeleton className="h-8 w-56" />
      {card ? (
        <div className="flex flex-col gap-2 rounded-card border border-line bg-surface p-4">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="h-4 w-72" />
          <Skeleton className="h-4 w-40" />
        </div>
      ) : null}
      <div className="flex flex-col gap-2 rounded-card border border-line bg-surface p-4">
        {Array.from({ length: rows }, (_, row) => (
          <Skeleton key={row} className="h-6 w-full" />
        ))}
      </div>
    </div>
  );
}
