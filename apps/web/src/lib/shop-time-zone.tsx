"use client";

import { DEFAULT_TIME_ZONE } from "@stockroom/api/schemas";
import { createContext, type ReactNode, useContext } from "react";

// The server reads SHOP_TIME_ZONE (env.ts) and hands it down here, so client components format dates
// in the same zone as server components: the browser's own zone never decides what a date says.
const ShopTimeZone = createContext(DEFAULT_TIME_ZONE);

export function ShopTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <ShopTimeZone.Provider value={timeZone}>{children}</ShopTimeZone.Provider>;
}

export function useShopTimeZone(): string {
  return useContext(ShopTimeZone);
}
