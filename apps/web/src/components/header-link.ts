// Below `sm` the header's links are icons with their names kept for screen readers, so it stays one row.
export const headerLinkClass =
  "inline-flex items-center gap-1.5 rounded-control px-2.5 py-2 hover:bg-stone-100 sm:px-3";
export const headerLabelClass = "sr-only sm:not-sr-only";
