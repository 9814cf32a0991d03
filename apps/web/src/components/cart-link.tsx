"use client";

import { ShoppingBag } from "lucide-react";
import Link from "next/link";
import { useCart } from "~/lib/cart";
import { headerLabelClass, headerLinkClass } from "./header-link";

export function CartLink() {
  const { count } = useCart();
  return (
    <Link href="/cart" className={`${headerLinkClass} font-medium`}>
      <ShoppingBag aria-hidden="true" className="size-5 sm:size-4" />
      <span className={headerLabelClass}>Cart</span> ({count}) <span className="sr-only">items</span>
    </Link>
  );
}
