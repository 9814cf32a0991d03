import Link from "next/link";
import { StoreShell } from "~/components/store-shell";
import { getViewer } from "~/lib/session";

// Rendered for any unknown URL, outside the (shop) group, so it draws the storefront's shell itself.
export default async function NotFound() {
  return (
    <StoreShell viewer={await getViewer()}>
      <div className="mx-auto max-w-5xl px-4 py-16 text-center">
        <h1 className="text-3xl font-semibold">Page not found</h1>
        <p className="mt-2 text-stone-600">We could not find what you were looking for.</p>
        <Link href="/" className="mt-6 inline-block underline underline-offset-4">
          Go to the storefront
        </Link>
      </div>
    </StoreShell>
  );
}
