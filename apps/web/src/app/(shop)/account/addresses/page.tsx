import { redirect } from "next/navigation";
import { AddressBook } from "~/components/address/address-book";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";
import { getViewer } from "~/lib/session";

export const metadata = { title: "Your addresses" };

export default async function AddressesPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/account/addresses");
  const addresses = await (await apiForRequest()).auth.addresses.list.query();
  return (
    <section aria-labelledby="addresses-heading" className="flex flex-col gap-6">
      <Breadcrumbs items={[{ label: "Your account", href: "/account" }, { label: "Addresses" }]} />
      <div>
        <h1 id="addresses-heading" className="text-2xl font-semibold">
          Your addresses
        </h1>
        <p className="text-muted">Checkout fills in your default address; you can pick another there.</p>
      </div>
      <AddressBook initial={addresses} />
    </section>
  );
}
