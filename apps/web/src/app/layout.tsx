import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "~/components/providers";
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
          {/* Each shell (the storefront's in (shop)/layout.tsx, the admin console's in admin/layout.tsx) draws its own header and <main id="main">. */}
          {children}
        </Providers>
      </body>
    </html>
  );
}
