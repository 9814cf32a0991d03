import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderActions } from "~/components/admin/order-actions";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";

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
      <h1 className="text-2xl font-semibold">Order #{order.number}</h1>
      <p>
        Status:{" "}
        <strong data-testid="order-status" className="capitalize">
          {order.status}
        </strong>
        {order.trackingNumber ? <> · Tracking number {order.trackingNumber}</> : null}
      </p>
      <p className="text-sm">
        Customer:{" "}
        <Link href={`/admin/customers/${order.customer.id}`} className="underline underline-offset-4">
          {order.customer.name} ({order.customer.email})
        </Link>
      </p>
      <OrderActions orderId={order.id} status={order.status} />
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
                {item.quantity} × {item.productName}
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
      <section aria-labelledby="address-heading" className="text-sm">
        <h2 id="address-heading" className="font-medium">
          Shipping address
        </h2>
        <p>
          {order.shippingAddress.street}, {order.shippingAddress.city}, {order.shippingAddress.state}{" "}
          {order.shippingAddress.zip}, {order.shippingAddress.country}
        </p>
      </section>
      <section aria-labelledby="timeline-heading" className="text-sm">
        <h2 id="timeline-heading" className="font-medium">
          Status timeline
        </h2>
        <ol className="mt-2 flex flex-col gap-1">
          {order.history.map((entry) => (
            <li key={`${entry.toStatus}-${entry.createdAt.toISOString()}`}>
              <span className="capitalize">{entry.toStatus}</span> ·{" "}
              {entry.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              {entry.actor ? ` · ${entry.actor.name}` : ""}
              {entry.note ? ` · ${entry.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
