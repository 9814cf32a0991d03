import Link from "next/link";
import { AuthForm } from "~/components/auth-form";
import { safeNext } from "~/lib/safe-next";

export const metadata = { title: "Create account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const next = safeNext((await searchParams).next);
  return (
    <section className="mx-auto flex max-w-sm flex-col gap-6">
      <h1 className="text-2xl font-semibold">Create account</h1>
      <AuthForm mode="sign-up" next={next} />
      <p className="text-sm">
        Already have an account?{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </section>
  );
}
