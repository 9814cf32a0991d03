"use client";

import Link from "next/link";
import { useCart } from "~/lib/cart";

export function CartLink() {
  const { count } = useCart();
  return (
    <Link
      href="/cart"
      className="rounded-md px-3 py-2 font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
    >
      Cart ({count}) <span className="sr-only">items</span>
    </Link>
  );
}
