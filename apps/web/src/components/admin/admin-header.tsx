import Link from "next/link";
import type { Viewer } from "~/lib/session";
import { SignOutButton } from "../sign-out-button";
import { CommandPalette } from "./command-palette";

const linkClass =
  "rounded-md px-3 py-2 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-emerald-700";

/** The console's own header: no storefront search or cart, who is signed in, a way to the store. */
export function AdminHeader({ viewer }: { viewer: NonNullable<Viewer> }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2 px-4 py-3">
        <Link href="/admin" className="mr-2 flex items-center gap-2 text-xl font-semibold tracking-tight">
          Stockroom
          <span className="rounded bg-stone-900 px-1.5 py-0.5 text-xs font-medium tracking-normal text-white">
            Admin
          </span>
        </Link>
        <CommandPalette />
        <nav aria-label="Account" className="ml-auto flex items-center gap-1 text-sm">
          <span className="px-3 py-2 text-stone-700">
            {viewer.name}{" "}
            <span className="text-stone-600">({viewer.role === "ADMIN" ? "admin" : "staff"})</span>
          </span>
          <Link href="/" className={linkClass}>
            View store
          </Link>
          <SignOutButton />
        </nav>
      </div>
    </header>
  );
}
