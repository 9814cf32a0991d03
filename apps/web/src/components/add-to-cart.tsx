"use client";

import { useState } from "react";
import { useCart } from "~/lib/cart";
import { checkAddition, lineLimit } from "~/lib/cart-limits";
import { useToast } from "./toaster";

// Below this many left, the page says how many can be had before anyone asks for more.
const FEW_LEFT = 10;

/** The quantity and "Add to cart" of one variant; `name` is what the shopper is told was added. */
export function AddToCart({
  productId,
  variantId,
  name,
  stock,
  soldOutHint = "",
}: {
  productId: string;
  variantId: string;
  name: string;
  stock: number;
  /** What to say under the disabled button when this variant is sold out. */
  soldOutHint?: string;
}) {
  const cart = useCart();
  const notify = useToast();
  const inCart = cart.lines.find((line) => line.variant?.id === variantId)?.quantity ?? 0;
  const canAdd = Math.max(0, lineLimit(stock) - inCart);
  const [quantity, setQuantity] = useState("1");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const soldOut = stock <= 0;
  return (
    <form
      className="flex flex-col gap-2"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const requested = Number(quantity);
        if (!Number.isInteger(requested) || requested < 1) return setProblem("Enter a quantity of 1 or more");
        const check = checkAddition(requested, stock, inCart);
        if (!check.ok) return setProblem(check.message);
        setProblem(null);
        setPending(true);
        try {
          await cart.add({ productId, variantId }, requested);
          notify(`Added ${requested} × ${name} to your cart`);
          setQuantity("1");
        } catch {
          notify("Could not add to cart. Please try again.", "error");
        } finally {
          setPending(false);
        }
      }}
    >
      <div className="flex items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          Quantity
          <input
            type="number"
            name="quantity"
            inputMode="numeric"
            min={1}
            max={Math.max(1, canAdd)}
            disabled={soldOut}
            value={quantity}
            aria-invalid={problem ? true : undefined}
            aria-describedby="quantity-help"
            onChange={(event) => {
              setQuantity(event.target.value);
              setProblem(null);
            }}
            className="w-24 rounded-md border border-stone-300 px-2 py-2"
          />
        </label>
        <button
          type="submit"
          disabled={pending || canAdd === 0}
          className="rounded-md bg-emerald-800 px-5 py-2.5 font-medium text-white disabled:bg-stone-600 disabled:opacity-60"
        >
          {soldOut ? "Sold out" : canAdd === 0 ? "All in your cart" : "Add to cart"}
        </button>
      </div>
      <p
        id="quantity-help"
        role={problem ? "alert" : undefined}
        className={`text-sm ${problem ? "text-red-800" : "text-stone-600"}`}
      >
        {problem ??
          (soldOut ? soldOutHint : canAdd > 0 && canAdd < FEW_LEFT ? `Only ${canAdd} available` : "")}
      </p>
    </form>
  );
}
