import Link from "next/link";
import { AuthForm } from "~/components/auth-form";
import { safeNext } from "~/lib/safe-next";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeNext((await searchParams).next);
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <AuthForm mode="sign-in" next={next} />
      <p className="text-sm">
        New here?{" "}
        <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="underline underline-offset-4">
          Create an account
        </Link>
      </p>
    </section>
  );
}
