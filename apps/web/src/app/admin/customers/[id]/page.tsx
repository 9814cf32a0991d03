import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { notFound } from "next/navigation";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";

export const metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await apiForRequest();
  const customer = await api.admin.customer.query({ id }).catch((error: unknown) => {
    if (error instanceof TRPCClientError && error.data?.httpStatus === 404) notFound();
    throw error;
  });
  const { orders } = await api.order.listByUser.query({ userId: id, limit: 50 });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{customer.name}</h1>
      <p className="text-sm">
        {customer.email} · joined {customer.createdAt.toISOString().slice(0, 10)} ·{" "}
        {customer.active ? "active" : "deactivated"}
      </p>
      <p>
        Lifetime value: <strong>{formatMoney(customer.lifetimeValueCents)}</strong> over {customer.orderCount}{" "}
        orders (cancelled orders excluded)
      </p>
      <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">Order</th>
            <th className="p-2">Placed</th>
            <th className="p-2">Status</th>
            <th className="p-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-t border-stone-200">
              <td className="p-2">
                <Link href={`/admin/orders/${order.id}`} className="underline underline-offset-4">
                  #{order.number}
                </Link>
              </td>
              <td className="p-2">{order.createdAt.toISOString().slice(0, 10)}</td>
              <td className="p-2 capitalize">{order.status}</td>
              <td className="p-2 text-right">{formatMoney(order.totalCents, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
