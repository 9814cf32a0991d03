import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CancelOrderButton } from "~/components/cancel-order-button";
import { OrderLines, ShippingAddress } from "~/components/order-details";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";
import { getViewer } from "~/lib/session";
import { productPageHref } from "~/lib/variant-choice";

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
          <h1 className="text-2xl font-semibold">Order #{order.number} placed</h1>
          <p>
            Thank you! A confirmation is on its way to {order.customer.email}. Its status is{" "}
            {statusLabel[order.status]?.toLowerCase()}; we e-mail you when it moves on.
          </p>
        </section>
      ) : (
        <h1 className="text-2xl font-semibold">Order #{order.number}</h1>
      )}
      <p>
        Status: <strong data-testid="order-status">{statusLabel[order.status]}</strong>
        {order.trackingNumber ? <> · Tracking number {order.trackingNumber}</> : null}
      </p>
      <OrderLines
        order={order}
        productHref={(item) =>
          productPageHref(item.productSlug, { id: item.variantId, title: item.variantTitle })
        }
      />
      <ShippingAddress address={order.shippingAddress} heading="Shipping to" />
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="font-medium">
          Timeline
        </h2>
        <ol className="mt-2 flex flex-col gap-1 text-sm">
          {order.history.map((entry) => (
            <li key={`${entry.toStatus}-${entry.createdAt.toISOString()}`}>
              {statusLabel[entry.toStatus]} — <DateTime value={entry.createdAt} format="zoned" />
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
