import Link from "next/link";

export function Forbidden({ what = "the staff console" }: { what?: string }) {
  return (
    <section className="mx-auto max-w-lg py-10 text-center">
      <h1 className="text-2xl font-semibold">Access denied</h1>
      <p className="mt-2 text-stone-700">Your account cannot open {what}.</p>
      <Link href="/" className="mt-6 inline-block underline underline-offset-4">
        Go to the storefront
      </Link>
    </section>
  );
}
