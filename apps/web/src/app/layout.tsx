import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "~/components/providers";
import { SiteHeader } from "~/components/site-header";
import { webEnv } from "~/env";
import { getViewer } from "~/lib/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stockroom", template: "%s · Stockroom" },
  description: "Everyday goods, well made.",
};

export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers signedIn={viewer !== null} timeZone={webEnv.SHOP_TIME_ZONE}>
          <SiteHeader viewer={viewer} />
          <main id="main" className="mx-auto max-w-6xl px-4 py-8">
            {children}
          </main>
          <footer className="mx-auto max-w-6xl px-4 py-10 text-sm text-stone-600">
            Stockroom · prices in USD · free returns within 30 days
          </footer>
        </Providers>
      </body>
    </html>
  );
}
