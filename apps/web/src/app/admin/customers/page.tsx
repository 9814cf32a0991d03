import Link from "next/link";
import { EmptyState, NextPageLink } from "~/components/list-parts";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Customers" };

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
        <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th className="p-2">Name</th>
              <th className="p-2">Email</th>
              <th className="p-2 text-right">Orders</th>
              <th className="p-2">Joined</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.id} className="border-t border-stone-200">
                <td className="p-2">
                  <Link href={`/admin/customers/${customer.id}`} className="underline underline-offset-4">
                    {customer.name}
                  </Link>
                </td>
                <td className="p-2">{customer.email}</td>
                <td className="p-2 text-right">{customer.orderCount}</td>
                <td className="p-2">
                  <DateTime value={customer.createdAt} format="date" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NextPageLink path="/admin/customers" params={params} cursor={nextCursor} />
    </div>
  );
}
