"use client";

import Link from "next/link";
import { VariantLabel } from "~/components/variant-label";
import { useCart } from "~/lib/cart";
import { limitNote, lineLimit, MAX_LINE_QUANTITY } from "~/lib/cart-limits";
import { lineKey } from "~/lib/guest-cart-lines";
import { cartCurrency, formatMoney } from "~/lib/money";
import { lineName, productPageHref } from "~/lib/variant-choice";

export default function CartPage() {
  const cart = useCart();
  if (!cart.ready) return <p role="status">Loading your cart…</p>;
  if (cart.lines.length === 0) {
    return (
      <section className="text-center">
        <h1 className="text-2xl font-semibold">Your cart is empty</h1>
        <Link href="/search" className="mt-4 inline-block underline underline-offset-4">
          Browse products
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="cart-heading" className="flex flex-col gap-6">
      <h1 id="cart-heading" className="text-2xl font-semibold">
        Your cart
      </h1>
      <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {cart.lines.map((line) => {
          const key = lineKey(line);
          const name = lineName(line.product?.name ?? "item", line.variant?.title);
          const stock = line.variant?.stock ?? MAX_LINE_QUANTITY;
          return (
            <li key={key} className="flex flex-wrap items-center gap-4 p-4">
              <img
                src={line.product?.imageUrl ?? "/images/products/placeholder.svg"}
                alt=""
                width={64}
                height={64}
                className="size-16 rounded-md border border-stone-200 bg-stone-100 object-cover"
              />
              <div className="min-w-40 flex-1">
                {line.product ? (
                  <Link
                    href={productPageHref(line.product.slug, line.variant)}
                    className="font-medium underline-offset-4 hover:underline"
                  >
                    {line.product.name}
                  </Link>
                ) : (
                  <p className="font-medium">Unavailable product</p>
                )}
                <VariantLabel variant={line.variant} />
                {line.product && !line.variant ? (
                  <p className="text-sm text-amber-900">
                    Choose a variant on the{" "}
                    <Link href={`/p/${line.product.slug}`} className="underline underline-offset-4">
                      product page
                    </Link>{" "}
                    and remove this line.
                  </p>
                ) : null}
                <p className="text-sm text-stone-600">
                  {line.product && line.variant
                    ? `${formatMoney(line.variant.priceCents, line.product.currency)} each`
                    : ""}
                </p>
              </div>
              <div className="flex flex-col gap-1">
                <label className="flex items-center gap-2 text-sm">
                  Quantity
                  <input
                    type="number"
                    min={1}
                    max={Math.max(1, lineLimit(stock))}
                    value={line.quantity}
                    onChange={(event) => {
                      const limit = Math.max(1, lineLimit(stock));
                      void cart.setQuantity(
                        line,
                        Math.min(limit, Math.max(1, Number(event.target.value) || 1)),
                      );
                    }}
                    className="w-20 rounded-md border border-stone-300 px-2 py-1.5"
                    aria-label={`Quantity of ${name}`}
                    aria-describedby={`available-${key}`}
                  />
                </label>
                <p id={`available-${key}`} className="text-xs text-stone-600">
                  {line.variant && line.quantity >= lineLimit(line.variant.stock)
                    ? limitNote(line.variant.stock)
                    : ""}
                </p>
              </div>
              <p className="w-24 text-right font-medium">
                {line.product && line.variant
                  ? formatMoney(line.variant.priceCents * line.quantity, line.product.currency)
                  : ""}
              </p>
              <button
                type="button"
                onClick={() => void cart.setQuantity(line, 0)}
                className="text-sm underline underline-offset-4"
              >
                Remove<span className="sr-only"> {name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="flex items-center justify-between">
        <p className="text-lg">
          Subtotal: <strong>{formatMoney(cart.subtotalCents, cartCurrency(cart.lines))}</strong>
        </p>
        <Link href="/checkout" className="rounded-md bg-emerald-800 px-5 py-2.5 font-medium text-white">
          Checkout
        </Link>
      </div>
    </section>
  );
}
