import Link from "next/link";

export default function NotFound() {
  return (
    // The root layout already wraps every page in <main>.
    <div className="mx-auto max-w-5xl px-4 py-16 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="mt-2 text-stone-600">We could not find what you were looking for.</p>
      <Link href="/" className="mt-6 inline-block underline underline-offset-4">
        Go to the storefront
      </Link>
    </div>
  );
}
