"use client";

import Link from "next/link";
import { Button, buttonClass } from "~/components/ui/button";

/**
 * A page that failed to load: say so plainly, offer a retry and a way out (no dead ends). `standalone`
 * when no shell is around it (a layout itself failed), so it is the page's <main>.
 */
export function ErrorScreen({
  reset,
  home,
  standalone = false,
}: {
  reset: () => void;
  home: { href: string; label: string };
  standalone?: boolean;
}) {
  const Wrapper = standalone ? "main" : "section";
  return (
    <Wrapper id={standalone ? "main" : undefined} className="mx-auto max-w-lg py-10 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-stone-700">We could not load this page. Please try again in a moment.</p>
      <div className="mt-6 flex justify-center gap-3">
        <Button type="button" onClick={reset}>
          Try again
        </Button>
        <Link href={home.href} className={buttonClass({ variant: "secondary" })}>
          {home.label}
        </Link>
      </div>
    </Wrapper>
  );
}
