import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderActions } from "~/components/admin/order-actions";
import { OrderLines, ShippingAddress } from "~/components/order-details";
import { OrderStatusBadge } from "~/components/status-badges";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await (await apiForRequest()).order.byId.query({ id }).catch((error: unknown) => {
    if (
      error instanceof TRPCClientError &&
      (error.data?.httpStatus === 404 || error.data?.httpStatus === 400)
    )
      notFound();
    throw error;
  });
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs
        items={[{ label: "Orders", href: "/admin/orders" }, { label: `Order #${order.number}` }]}
      />
      <h1 className="text-2xl font-semibold">Order #{order.number}</h1>
      <p>
        Status:{" "}
        <span data-testid="order-status">
          <OrderStatusBadge status={order.status} />
        </span>
        {order.trackingNumber ? <> · Tracking number {order.trackingNumber}</> : null}
      </p>
      <p className="text-sm">
        Customer:{" "}
        <Link href={`/admin/customers/${order.customer.id}`} className="underline underline-offset-4">
          {order.customer.name} ({order.customer.email})
        </Link>
      </p>
      <OrderActions orderId={order.id} status={order.status} />
      <OrderLines order={order} productHref={(item) => `/admin/products/${item.productId}`} />
      <ShippingAddress address={order.shippingAddress} heading="Shipping address" />
      <section aria-labelledby="timeline-heading" className="text-sm">
        <h2 id="timeline-heading" className="font-medium">
          Status timeline
        </h2>
        <ol className="mt-2 flex flex-col gap-1">
          {order.history.map((entry) => (
            <li key={`${entry.toStatus}-${entry.createdAt.toISOString()}`}>
              <span className="capitalize">{entry.toStatus}</span> ·{" "}
              <DateTime value={entry.createdAt} format="zoned" />
              {entry.actor ? ` · ${entry.actor.name}` : ""}
              {entry.note ? ` · ${entry.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
