import type { RouterOutputs } from "@stockroom/api/schemas";
import { formatMoney } from "~/lib/money";

type Order = RouterOutputs["order"]["byId"];

/** An order's lines and total: on the shopper's order page and in the admin console. */
export function OrderLines({ order }: { order: Pick<Order, "items" | "totalCents" | "currency"> }) {
  return (
    <section
      aria-labelledby="items-heading"
      className="rounded-lg border border-stone-200 bg-white p-4 text-sm"
    >
      <h2 id="items-heading" className="mb-2 font-medium">
        Items
      </h2>
      <ul className="flex flex-col gap-1">
        {order.items.map((item) => (
          <li key={item.productId} className="flex justify-between">
            <span>
              {item.quantity} × {item.productName} ({formatMoney(item.unitPriceCents, order.currency)} each)
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
