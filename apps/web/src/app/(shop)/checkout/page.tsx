import { Checkout } from "~/components/checkout";
import { getViewer } from "~/lib/session";

export const metadata = { title: "Checkout" };

export default async function CheckoutPage() {
  const viewer = await getViewer();
  return <Checkout signedIn={viewer !== null} />;
}
