import Link from "next/link";
import { type OrderStatus, OrderStatusBadge } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import { formatMoney } from "~/lib/money";
import { lineName } from "~/lib/variant-choice";

interface OrderRow {
  id: string;
  /** What was bought, when the list carries it. */
  items?: { variantId: string; productName: string; variantTitle: string; sku: string; quantity: number }[];
  number: number;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  createdAt: Date;
}

/** A shopper's orders: on their account page, and on the customer's page in the admin console. */
export function OrderHistoryTable({
  orders,
  hrefOf,
}: {
  orders: OrderRow[];
  hrefOf: (id: string) => string;
}) {
  const withItems = orders.some((order) => order.items !== undefined);
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the history scrolls sideways in its box, and a keyboard must be able to scroll it
      tabIndex={0}
      aria-label="Orders table"
      className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">Order</th>
            <th className="p-2">Placed</th>
            <th className="p-2">Status</th>
            {withItems ? <th className="p-2">Items</th> : null}
            <th className="p-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-t border-stone-200">
              <td className="p-2">
                <Link href={hrefOf(order.id)} className="underline underline-offset-4">
                  #{order.number}
                </Link>
              </td>
              <td className="p-2">
                <DateTime value={order.createdAt} format="date" />
              </td>
              <td className="p-2">
                <OrderStatusBadge status={order.status} />
              </td>
              {withItems ? (
                <td className="min-w-48 p-2">
                  <ul>
                    {(order.items ?? []).map((item) => (
                      <li key={item.variantId}>
                        {item.quantity} × {lineName(item.productName, item.variantTitle)}{" "}
                        <span className="text-stone-600">(SKU {item.sku})</span>
                      </li>
                    ))}
                  </ul>
                </td>
              ) : null}
              <td className="p-2 text-right">{formatMoney(order.totalCents, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
