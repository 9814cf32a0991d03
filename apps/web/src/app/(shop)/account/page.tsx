import Link from "next/link";
import { redirect } from "next/navigation";
import { OrderHistoryTable } from "~/components/order-history-table";
import { apiForRequest } from "~/lib/api-server";
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
        <p className="mt-2">
          <Link href="/account/addresses" className="underline underline-offset-4">
            Addresses
          </Link>
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
          <OrderHistoryTable orders={orders} hrefOf={(id) => `/orders/${id}`} />
        )}
      </section>
    </section>
  );
}
