import Link from "next/link";

export const metadata = { title: "Admin" };

export default function AdminHomePage() {
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">Stockroom admin</h1>
      <p className="mt-4 text-stone-700">
        The staff console is being built: products, stock and orders will be managed here.
      </p>
      <Link href="/" className="mt-6 inline-block underline underline-offset-4">
        Back to the storefront
      </Link>
    </main>
  );
}
