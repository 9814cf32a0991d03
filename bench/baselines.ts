import type { ManagedProcess } from "../scripts/processes.ts";
import { startChildServer } from "./child-server.ts";

/** Who is ordering: the order baseline has no sessions, so the load generator names the user. */
export const BASELINE_USER_HEADER = "x-bench-user-id";

export interface ListBaselineConfig {
  port: number;
  /** Request path (with query) → the exact bytes the real API answered for it. */
  pages: Record<string, string>;
}

export interface OrderBaselineConfig {
  port: number;
  databaseUrl: string;
  poolSize: number;
}

export function startListBaseline(config: ListBaselineConfig): Promise<ManagedProcess> {
  return startChildServer("list baseline", new URL("./baseline-list-server.ts", import.meta.url), config);
}

export function startOrderBaseline(config: OrderBaselineConfig): Promise<ManagedProcess> {
  return startChildServer("order baseline", new URL("./baseline-order-server.ts", import.meta.url), config);
}
