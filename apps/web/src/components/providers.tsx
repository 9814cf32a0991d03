"use client";

import type { ReactNode } from "react";
import { CartProvider } from "~/lib/cart";
import { ShopTimeZoneProvider } from "~/lib/shop-time-zone";
import { ApiProvider } from "~/lib/trpc-client";
import { Toaster } from "./toaster";

export function Providers({
  signedIn,
  timeZone,
  children,
}: {
  signedIn: boolean;
  timeZone: string;
  children: ReactNode;
}) {
  return (
    <ApiProvider>
      <ShopTimeZoneProvider timeZone={timeZone}>
        <Toaster>
          <CartProvider signedIn={signedIn}>{children}</CartProvider>
        </Toaster>
      </ShopTimeZoneProvider>
    </ApiProvider>
  );
}
