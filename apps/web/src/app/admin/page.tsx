import Link from "next/link";
import { SalesChart } from "~/components/admin/sales-chart";
import { OrderStatusBadge } from "~/components/status-badges";
import { apiForRequest } from "~/lib/api-server";
import { DEFAULT_CURRENCY, formatMoney } from "~/lib/money";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const dashboard = await (await apiForRequest()).admin.dashboard.query();
  const periods = [
    { label: "Today", value: dashboard.revenue.today },
    { label: "Last 7 days", value: dashboard.revenue.last7Days },
    { label: "Last 30 days", value: dashboard.revenue.last30Days },
  ];
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-labelledby="revenue-heading">
        <h2 id="revenue-heading" className="sr-only">
          Revenue
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {periods.map((period) => (
            <li key={period.label} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">{period.label}</p>
              <p className="text-2xl font-semibold">
                {formatMoney(period.value.revenueCents, DEFAULT_CURRENCY)}
              </p>
              <p className="text-sm">{period.value.orders} orders</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading" className="mb-2 text-lg font-medium">
          Orders by status
        </h2>
        <ul className="flex flex-wrap gap-2">
          {Object.entries(dashboard.ordersByStatus).map(([status, count]) => (
            <li key={status}>
              <Link
                href={`/admin/orders?status=${status}`}
                className="block rounded-md border border-stone-200 bg-white px-3 py-2 text-sm capitalize"
              >
                {status}: <strong>{count}</strong>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="sales-heading">
        <h2 id="sales-heading" className="mb-2 text-lg font-medium">
          Sales over time
        </h2>
        <SalesChart days={dashboard.salesByDay} />
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="low-heading">
          <h2 id="low-heading" className="mb-2 text-lg font-medium">
            Low stock
          </h2>
          {dashboard.lowStock.length === 0 ? (
            <p className="text-sm text-stone-600">Nothing is running low.</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
              {dashboard.lowStock.map((row) => (
                <li key={row.productId} className="flex justify-between p-2">
                  <Link href={`/admin/inventory/${row.productId}`} className="underline underline-offset-4">
                    {row.name}
                  </Link>
                  <span className="font-medium text-amber-800">{row.onHand} left</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-2 text-lg font-medium">
            Recent orders
          </h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white text-sm">
            {dashboard.recentOrders.map((order) => (
              <li key={order.id} className="flex justify-between gap-2 p-2">
                <Link href={`/admin/orders/${order.id}`} className="underline underline-offset-4">
                  #{order.number}
                </Link>
                <span className="truncate">{order.customerEmail}</span>
                <OrderStatusBadge status={order.status} />
                <span>{formatMoney(order.totalCents, order.currency)}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
