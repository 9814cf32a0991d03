"use client";

import Link from "next/link";

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
        <button type="button" onClick={reset} className="rounded-md bg-stone-900 px-4 py-2 text-white">
          Try again
        </button>
        <Link href={home.href} className="rounded-md border border-stone-300 px-4 py-2">
          {home.label}
        </Link>
      </div>
    </Wrapper>
  );
}
