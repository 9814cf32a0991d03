import Link from "next/link";
import { Suspense } from "react";
import type { Viewer } from "~/lib/session";
import { CartLink } from "./cart-link";
import { SignOutButton } from "./sign-out-button";
import { SiteSearch } from "./site-search";

const linkClass =
  "rounded-md px-3 py-2 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-emerald-700";

export function SiteHeader({ viewer }: { viewer: Viewer }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-3">
        <Link href="/" className="mr-2 text-xl font-semibold tracking-tight">
          Stockroom
        </Link>
        <search className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <Suspense fallback={null}>
            <SiteSearch />
          </Suspense>
        </search>
        <nav aria-label="Account" className="ml-auto flex items-center gap-1 text-sm">
          {viewer && viewer.role !== "CUSTOMER" ? (
            <Link href="/admin" className={linkClass}>
              Admin
            </Link>
          ) : null}
          {viewer ? (
            <>
              <Link href="/account" className={linkClass}>
                Account
              </Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className={linkClass}>
              Sign in
            </Link>
          )}
          <CartLink />
        </nav>
      </div>
    </header>
  );
}
