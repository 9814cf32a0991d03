import Link from "next/link";
import { OrdersTable } from "~/components/admin/orders-table";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Orders" };

const statuses = ["pending", "paid", "shipped", "delivered", "cancelled"] as const;

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const status = statuses.find((s) => s === params.status);
  const number = params.number && /^\d+$/.test(params.number) ? Number(params.number) : undefined;
  const { orders, nextCursor } = await (await apiForRequest()).order.list.query({
    status,
    number,
    customer: params.customer || undefined,
    from: params.from ? new Date(params.from) : undefined,
    to: params.to ? new Date(`${params.to}T23:59:59.999Z`) : undefined,
    cursor: params.cursor || undefined,
    limit: 25,
  });
  const next = new URLSearchParams(
    Object.entries({ ...params, cursor: nextCursor ?? "" }).filter(([, v]) => v) as [string, string][],
  );
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Orders</h1>
      <form
        action="/admin/orders"
        aria-label="Order filters"
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label className="flex flex-col gap-1">
          Status
          <select
            name="status"
            defaultValue={status ?? ""}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          >
            <option value="">Any</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Customer
          <input
            name="customer"
            defaultValue={params.customer}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          Order number
          <input
            name="number"
            inputMode="numeric"
            defaultValue={params.number}
            className="w-28 rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          From
          <input
            name="from"
            type="date"
            defaultValue={params.from}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          To
          <input
            name="to"
            type="date"
            defaultValue={params.to}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Apply
        </button>
      </form>
      {orders.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
          No orders match.
        </p>
      ) : (
        <OrdersTable orders={orders} />
      )}
      {nextCursor ? (
        <Link
          href={`/admin/orders?${next.toString()}`}
          className="self-start rounded-md border border-stone-300 px-3 py-2 text-sm"
        >
          Next page
        </Link>
      ) : null}
    </div>
  );
}
