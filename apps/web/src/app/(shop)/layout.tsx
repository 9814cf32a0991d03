import type { ReactNode } from "react";
import { StoreShell } from "~/components/store-shell";
import { getViewer } from "~/lib/session";

export default async function ShopLayout({ children }: { children: ReactNode }) {
  return <StoreShell viewer={await getViewer()}>{children}</StoreShell>;
}
