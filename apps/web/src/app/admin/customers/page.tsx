import Link from "next/link";
import { EmptyState, NextPageLink } from "~/components/list-parts";
import { DataTable, type DataTableColumn } from "~/components/ui/data-table";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Customers" };

// Customers are listed newest first (a keyset over the role and join date index); no other order is offered.
const columns: DataTableColumn[] = [
  { id: "name", header: "Name", hideable: false },
  { id: "email", header: "Email" },
  { id: "orders", header: "Orders", align: "right" },
  { id: "joined", header: "Joined", sort: { direction: "descending" } },
];

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const { customers, nextCursor } = await (await apiForRequest()).admin.customers.query({
    q: params.q || undefined,
    cursor: params.cursor || undefined,
    limit: 25,
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Customers</h1>
      <form action="/admin/customers" aria-label="Customer search" className="flex items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Search by email or name
          <input
            name="q"
            type="search"
            defaultValue={params.q}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Search
        </button>
      </form>
      {customers.length === 0 ? (
        <EmptyState>No customers match.</EmptyState>
      ) : (
        <DataTable
          tableId="admin-customers"
          caption="Customers"
          columns={columns}
          rows={customers.map((customer) => ({
            id: customer.id,
            cells: {
              name: (
                <Link href={`/admin/customers/${customer.id}`} className="underline underline-offset-4">
                  {customer.name}
                </Link>
              ),
              email: customer.email,
              orders: customer.orderCount,
              joined: <DateTime value={customer.createdAt} format="date" />,
            },
          }))}
        />
      )}
      <NextPageLink path="/admin/customers" params={params} cursor={nextCursor} />
    </div>
  );
}
