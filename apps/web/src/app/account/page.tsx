import Link from "next/link";
import { redirect } from "next/navigation";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";
import { getViewer } from "~/lib/session";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/account");
  const { orders } = await (await apiForRequest()).order.listMine.query({ limit: 50 });
  return (
    <section aria-labelledby="account-heading" className="flex flex-col gap-6">
      <div>
        <h1 id="account-heading" className="text-2xl font-semibold">
          Your account
        </h1>
        <p className="text-stone-700">
          {viewer.name} · {viewer.email}
        </p>
      </div>
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading" className="mb-3 text-xl font-medium">
          Order history
        </h2>
        {orders.length === 0 ? (
          <p>
            No orders yet.{" "}
            <Link href="/search" className="underline underline-offset-4">
              Start shopping
            </Link>
          </p>
        ) : (
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
                    <Link href={`/orders/${order.id}`} className="underline underline-offset-4">
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
        )}
      </section>
    </section>
  );
}
