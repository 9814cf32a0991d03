import type { RouterOutputs } from "@stockroom/api/schemas";
import Link from "next/link";
import { formatMoney } from "~/lib/money";
import { VariantLabel } from "./variant-label";

type Order = RouterOutputs["order"]["byId"];

type OrderItem = Order["items"][number];

/**
 * An order's lines (thumbnail, name linking to the product, the variant and SKU it was sold under,
 * quantity × unit price, line total) and total: on the shopper's order page and in the admin
 * console, which link to different product pages.
 */
export function OrderLines({
  order,
  productHref,
}: {
  order: Pick<Order, "items" | "totalCents" | "currency">;
  productHref: (item: OrderItem) => string;
}) {
  return (
    <section
      aria-labelledby="items-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm"
    >
      <h2 id="items-heading" className="mb-2 font-medium">
        Items
      </h2>
      <ul className="flex flex-col divide-y divide-stone-100">
        {order.items.map((item) => (
          <li key={item.variantId} className="flex items-center gap-3 py-2">
            <img
              src={item.imageUrl ?? "/images/products/placeholder.svg"}
              alt=""
              width={48}
              height={48}
              className="size-12 rounded-md border border-stone-200 bg-stone-100 object-cover"
            />
            <span className="flex-1">
              <Link href={productHref(item)} className="font-medium underline-offset-4 hover:underline">
                {item.productName}
              </Link>
              <VariantLabel variant={{ title: item.variantTitle, sku: item.sku }} />
              <span className="block text-stone-600">
                {item.quantity} × {formatMoney(item.unitPriceCents, order.currency)}
              </span>
            </span>
            <span>{formatMoney(item.lineTotalCents, order.currency)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 font-medium">
        <span>Total</span>
        <span>{formatMoney(order.totalCents, order.currency)}</span>
      </p>
    </section>
  );
}

export function ShippingAddress({
  address,
  heading,
}: {
  address: Order["shippingAddress"];
  heading: string;
}) {
  return (
    <section aria-labelledby="address-heading" className="text-sm">
      <h2 id="address-heading" className="font-medium">
        {heading}
      </h2>
      <p>
        {address.street}, {address.city}, {address.state} {address.zip}, {address.country}
      </p>
    </section>
  );
}
