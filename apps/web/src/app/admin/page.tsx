import { DASHBOARD_RANGES, type DashboardRange } from "@stockroom/api/schemas";
import Link from "next/link";
import { DashboardKpis } from "~/components/admin/dashboard-kpis";
import { DashboardRangeNav } from "~/components/admin/dashboard-range";
import { DashboardTopProducts } from "~/components/admin/dashboard-top-products";
import { SalesChart } from "~/components/admin/sales-chart";
import { OrderStatusBadge } from "~/components/status-badges";
import { webEnv } from "~/env";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";
import { stockPageHref, variantLabel } from "~/lib/variant-label";

export const metadata = { title: "Dashboard" };

function parseRange(value: string | undefined): DashboardRange {
  const days = Number(value);
  return (DASHBOARD_RANGES as readonly number[]).includes(days) ? (days as DashboardRange) : 30;
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const range = parseRange((await searchParams).range);
  const dashboard = await (await apiForRequest()).admin.dashboard.query({
    range,
    timeZone: webEnv.SHOP_TIME_ZONE,
  });
  const rangeLabel = `last ${range} days`;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <DashboardRangeNav range={range} />
      </div>
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading" className="mb-2 text-lg font-medium">
          Sales, {rangeLabel}
        </h2>
        <DashboardKpis
          current={dashboard.kpis.current}
          previous={dashboard.kpis.previous}
          rangeDays={range}
        />
      </section>
      <section aria-labelledby="sales-heading">
        <h2 id="sales-heading" className="mb-2 text-lg font-medium">
          Sales over time
        </h2>
        <SalesChart days={dashboard.salesByDay} rangeLabel={rangeLabel} />
      </section>
      <section aria-labelledby="top-heading">
        <h2 id="top-heading" className="mb-2 text-lg font-medium">
          Top products
        </h2>
        <DashboardTopProducts products={dashboard.topProducts} />
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
                <li key={row.variantId} className="flex items-baseline justify-between gap-3 p-2">
                  <span className="flex min-w-0 flex-col">
                    <Link
                      href={stockPageHref(row.productId, { id: row.variantId, title: row.variantTitle })}
                      className="underline underline-offset-4"
                    >
                      {variantLabel(row.name, row.variantTitle)}
                    </Link>
                    <span className="font-mono text-xs text-stone-600">SKU {row.sku}</span>
                  </span>
                  <span className="shrink-0 font-medium text-amber-800">{row.onHand} left</span>
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
