"use client";

import type { RouterOutputs } from "@stockroom/api/schemas";
import { useState } from "react";
import { hasChoice, lineName, variantForPick } from "~/lib/variant-choice";
import { AddToCart } from "./add-to-cart";
import { ProductPrice } from "./product-price";
import { StockBadge } from "./stock-badge";
import { VariantPicker } from "./variant-picker";

type Product = RouterOutputs["product"]["bySlug"];

/** Keeps the chosen variant in the address (?variant=), so the page can be shared and reloaded as is. */
function showInAddress(variantId: string) {
  const url = new URL(window.location.href);
  url.searchParams.set("variant", variantId);
  window.history.replaceState(window.history.state, "", url);
}

/**
 * The part of a product page that follows the chosen variant: its price, availability, the option
 * picker and "Add to cart". A product sold as one default variant shows no picker.
 */
export function ProductPurchase({
  product,
  initialVariantId,
}: {
  product: Product;
  initialVariantId: string;
}) {
  const [variantId, setVariantId] = useState(initialVariantId);
  const variant = product.variants.find((candidate) => candidate.id === variantId) ?? product.variants[0];
  if (!variant) return <p className="font-medium text-stone-600">Not for sale</p>;
  const choice = hasChoice(product);
  const stock = variant.active ? variant.stock : 0;
  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite" className="flex flex-col gap-2">
        <ProductPrice
          priceCents={variant.priceCents}
          compareAtPriceCents={variant.compareAtPriceCents}
          currency={product.currency}
        />
        <p className="text-sm">
          Availability: <StockBadge stock={stock} threshold={product.lowStockThreshold} />
          {choice ? <span className="text-stone-600"> · SKU {variant.sku}</span> : null}
        </p>
      </div>
      {choice ? (
        <VariantPicker
          options={product.options}
          variants={product.variants}
          chosen={variant.options}
          onPick={(index, value) => {
            const picked = variantForPick(product.options, product.variants, variant.options, index, value);
            if (!picked) return;
            setVariantId(picked.id);
            showInAddress(picked.id);
          }}
        />
      ) : null}
      {product.active ? (
        <AddToCart
          key={variant.id}
          productId={product.id}
          variantId={variant.id}
          name={lineName(product.name, variant.title)}
          stock={stock}
          soldOutHint={
            choice
              ? `${variant.title} is sold out. Choose another option to add it to your cart.`
              : "Sold out"
          }
        />
      ) : null}
    </div>
  );
}
