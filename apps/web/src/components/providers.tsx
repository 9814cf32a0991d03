"use client";

import type { ReactNode } from "react";
import { CartProvider } from "~/lib/cart";
import { ApiProvider } from "~/lib/trpc-client";
import { Toaster } from "./toaster";

export function Providers({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  return (
    <ApiProvider>
      <Toaster>
        <CartProvider signedIn={signedIn}>{children}</CartProvider>
      </Toaster>
    </ApiProvider>
  );
}
