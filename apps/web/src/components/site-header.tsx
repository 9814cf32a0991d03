import { LayoutDashboard, User } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import type { Viewer } from "~/lib/session";
import { CartLink } from "./cart-link";
import { headerLabelClass, headerLinkClass } from "./header-link";
import { SignOutButton } from "./sign-out-button";
import { SiteSearch } from "./site-search";

export function SiteHeader({ viewer }: { viewer: Viewer }) {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-2 px-4 py-2 sm:py-3">
        <Link href="/" className="mr-2 text-xl font-semibold tracking-tight">
          Stockroom
        </Link>
        <search className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <Suspense fallback={null}>
            <SiteSearch />
          </Suspense>
        </search>
        <nav aria-label="Account" className="ml-auto flex items-center text-sm">
          {viewer && viewer.role !== "CUSTOMER" ? (
            <Link href="/admin" className={headerLinkClass}>
              <LayoutDashboard aria-hidden="true" className="size-5 sm:size-4" />
              <span className={headerLabelClass}>Admin</span>
            </Link>
          ) : null}
          {viewer ? (
            <>
              <Link href="/account" className={headerLinkClass}>
                <User aria-hidden="true" className="size-5 sm:size-4" />
                <span className={headerLabelClass}>Account</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className={headerLinkClass}>
              <User aria-hidden="true" className="size-5 sm:size-4" />
              <span className={headerLabelClass}>Sign in</span>
            </Link>
          )}
          <CartLink />
        </nav>
      </div>
    </header>
  );
}
