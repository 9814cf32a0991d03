"use client";

import { useState } from "react";
import { useCart } from "~/lib/cart";
import { useToast } from "./toaster";

export function AddToCart({
  productId,
  productName,
  stock,
}: {
  productId: string;
  productName: string;
  stock: number;
}) {
  const cart = useCart();
  const notify = useToast();
  const inCart = cart.lines.find((line) => line.productId === productId)?.quantity ?? 0;
  const available = Math.max(0, Math.min(99, stock) - inCart);
  const [quantity, setQuantity] = useState(1);
  const [pending, setPending] = useState(false);
  if (stock <= 0) return <p className="font-medium text-stone-600">Sold out</p>;
  return (
    <form
      className="flex items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        try {
          await cart.add(productId, quantity);
          notify(`Added ${quantity} × ${productName} to your cart`);
          setQuantity(1);
        } catch {
          notify("Could not add to cart. Please try again.", "error");
        } finally {
          setPending(false);
        }
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Quantity
        <input
          type="number"
          name="quantity"
          min={1}
          max={Math.max(1, available)}
          value={quantity}
          onChange={(event) =>
            setQuantity(Math.max(1, Math.min(available || 1, Number(event.target.value) || 1)))
          }
          className="w-24 rounded-md border border-stone-300 px-2 py-2"
        />
      </label>
      <button
        type="submit"
        disabled={pending || available === 0}
        className="rounded-md bg-emerald-800 px-5 py-2.5 font-medium text-white disabled:opacity-50"
      >
        {available === 0 ? "All in your cart" : "Add to cart"}
      </button>
    </form>
  );
}
