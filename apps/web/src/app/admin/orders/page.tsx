import { OrdersTable } from "~/components/admin/orders-table";
import { DateRangeFields, EmptyState, endOfDay, NextPageLink, sortHref } from "~/components/list-parts";
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
  const sort = params.sort === "oldest" ? "oldest" : "newest";
  const number = params.number && /^\d+$/.test(params.number) ? Number(params.number) : undefined;
  const { orders, nextCursor } = await (await apiForRequest()).order.list.query({
    status,
    number,
    customer: params.customer || undefined,
    from: params.from ? new Date(params.from) : undefined,
    to: endOfDay(params.to),
    cursor: params.cursor || undefined,
    sort,
    limit: 25,
  });
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
        <DateRangeFields from={params.from} to={params.to} />
        {sort === "oldest" ? <input type="hidden" name="sort" value="oldest" /> : null}
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Apply
        </button>
      </form>
      {orders.length === 0 ? (
        <EmptyState>No orders match.</EmptyState>
      ) : (
        <OrdersTable
          orders={orders}
          placedSort={{
            direction: sort === "oldest" ? "ascending" : "descending",
            next:
              sort === "oldest"
                ? { href: sortHref("/admin/orders", params, "newest", "newest"), label: "Sort newest first" }
                : { href: sortHref("/admin/orders", params, "oldest", "newest"), label: "Sort oldest first" },
          }}
        />
      )}
      <NextPageLink path="/admin/orders" params={params} cursor={nextCursor} />
    </div>
  );
}
