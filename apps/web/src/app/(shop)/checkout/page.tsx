import { Checkout } from "~/components/checkout";
import { apiForRequest } from "~/lib/api-server";
import { getViewer } from "~/lib/session";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const viewer = await getViewer();
  // The address book is read here, before the form renders, so its default is the form's first value
  // (a later prefill could overwrite what the shopper has started typing).
  const savedAddresses = viewer ? await (await apiForRequest()).auth.addresses.list.query() : [];
  return <Checkout signedIn={viewer !== null} savedAddresses={savedAddresses} />;
}
