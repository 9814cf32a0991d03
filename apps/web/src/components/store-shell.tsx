import type { ReactNode } from "react";
import type { Viewer } from "~/lib/session";
import { SiteHeader } from "./site-header";

/** The storefront's frame: header with search, account and cart; the page; the footer. */
export function StoreShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return (
    <>
      <SiteHeader viewer={viewer} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-6xl px-4 py-10 text-sm text-stone-600">
        Stockroom · prices in USD · free returns within 30 days
      </footer>
    </>
  );
}
