"use client";

import Link from "next/link";
import { useCart } from "~/lib/cart";
import { cartCurrency, formatMoney } from "~/lib/money";

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
        {cart.lines.map((line) => (
          <li key={line.productId} className="flex flex-wrap items-center gap-4 p-4">
            <div className="min-w-40 flex-1">
              <p className="font-medium">{line.product?.name ?? "Unavailable product"}</p>
              <p className="text-sm text-stone-600">
                {line.product ? formatMoney(line.product.priceCents, line.product.currency) : ""}
              </p>
            </div>
            <label className="flex items-center gap-2 text-sm">
              Quantity
              <input
                type="number"
                min={1}
                max={Math.max(1, Math.min(99, line.product?.stock ?? 99))}
                value={line.quantity}
                onChange={(event) =>
                  void cart.setQuantity(line.productId, Math.max(1, Number(event.target.value) || 1))
                }
                className="w-20 rounded-md border border-stone-300 px-2 py-1.5"
                aria-label={`Quantity of ${line.product?.name ?? "item"}`}
              />
            </label>
            <button
              type="button"
              onClick={() => void cart.setQuantity(line.productId, 0)}
              className="text-sm underline underline-offset-4"
            >
              Remove<span className="sr-only"> {line.product?.name}</span>
            </button>
          </li>
        ))}
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
