import { TRPCClientError } from "@trpc/client";
import { notFound } from "next/navigation";
import { OrderHistoryTable } from "~/components/order-history-table";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";
import { DEFAULT_CURRENCY, formatMoney } from "~/lib/money";

export const metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await apiForRequest();
  const customer = await api.admin.customer.query({ id }).catch((error: unknown) => {
    const status = error instanceof TRPCClientError ? error.data?.httpStatus : undefined;
    if (status === 404 || status === 400) notFound();
    throw error;
  });
  const { orders } = await api.order.listByUser.query({ userId: id, limit: 50 });
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Customers", href: "/admin/customers" }, { label: customer.name }]} />
      <h1 className="text-2xl font-semibold">{customer.name}</h1>
      <p className="text-sm">
        {customer.email} · joined <DateTime value={customer.createdAt} format="date" /> ·{" "}
        {customer.active ? "active" : "deactivated"}
      </p>
      <p>
        Lifetime value: <strong>{formatMoney(customer.lifetimeValueCents, DEFAULT_CURRENCY)}</strong> over{" "}
        {customer.orderCount} orders (cancelled orders excluded)
      </p>
      <OrderHistoryTable orders={orders} hrefOf={(id) => `/admin/orders/${id}`} />
    </div>
  );
}
