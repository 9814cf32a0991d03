import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CancelOrderButton } from "~/components/cancel-order-button";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";
import { getViewer } from "~/lib/session";

export const metadata = { title: "Order" };

const statusLabel: Record<string, string> = {
  pending: "Pending",
  paid: "Paid",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

export default async function OrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ placed?: string }>;
}) {
  const { id } = await params;
  if (!(await getViewer())) redirect(`/sign-in?next=${encodeURIComponent(`/orders/${id}`)}`);
  const api = await apiForRequest();
  let order: Awaited<ReturnType<typeof api.order.byId.query>>;
  try {
    order = await api.order.byId.query({ id });
  } catch (error) {
    if (
      error instanceof TRPCClientError &&
      (error.data?.httpStatus === 404 || error.data?.httpStatus === 400)
    )
      notFound();
    throw error;
  }
  const placed = (await searchParams).placed === "1";
  return (
    <article className="flex flex-col gap-6">
      {placed ? (
        <section aria-label="Confirmation" className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
          <h1 className="text-2xl font-semibold">Thank you! Order #{order.number} is confirmed.</h1>
          <p>We sent a confirmation to {order.customer.email}.</p>
        </section>
      ) : (
        <h1 className="text-2xl font-semibold">Order #{order.number}</h1>
      )}
      <p>
        Status: <strong data-testid="order-status">{statusLabel[order.status]}</strong>
        {order.trackingNumber ? <> · Tracking number {order.trackingNumber}</> : null}
      </p>
      <section aria-labelledby="items-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="items-heading" className="mb-2 font-medium">
          Items
        </h2>
        <ul className="flex flex-col gap-1 text-sm">
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
      <section aria-labelledby="address-heading">
        <h2 id="address-heading" className="font-medium">
          Shipping to
        </h2>
        <p className="text-sm">
          {order.shippingAddress.street}, {order.shippingAddress.city}, {order.shippingAddress.state}{" "}
          {order.shippingAddress.zip}, {order.shippingAddress.country}
        </p>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="font-medium">
          Timeline
        </h2>
        <ol className="mt-2 flex flex-col gap-1 text-sm">
          {order.history.map((entry) => (
            <li key={`${entry.toStatus}-${entry.createdAt.toISOString()}`}>
              {statusLabel[entry.toStatus]} —{" "}
              <time dateTime={entry.createdAt.toISOString()}>{entry.createdAt.toUTCString()}</time>
              {entry.note ? ` · ${entry.note}` : ""}
            </li>
          ))}
        </ol>
      </section>
      {order.status === "pending" || order.status === "paid" ? (
        <CancelOrderButton orderId={order.id} />
      ) : null}
      <Link href="/account" className="underline underline-offset-4">
        Back to your orders
      </Link>
    </article>
  );
}
