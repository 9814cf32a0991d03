import { formatMoney } from "~/lib/money";

/** The price, and the price before a markdown struck through beside it (read as "Was ..."). */
export function ProductPrice({
  priceCents,
  compareAtPriceCents,
  currency,
}: {
  priceCents: number;
  compareAtPriceCents: number | null;
  currency: string;
}) {
  const onSale = compareAtPriceCents !== null && compareAtPriceCents > priceCents;
  return (
    <p className="flex items-baseline gap-3 text-2xl">
      <span>
        {onSale ? <span className="sr-only">Now </span> : null}
        {formatMoney(priceCents, currency)}
      </span>
      {onSale ? (
        <s className="text-lg text-stone-600">
          <span className="sr-only">Was </span>
          {formatMoney(compareAtPriceCents, currency)}
        </s>
      ) : null}
    </p>
  );
}
