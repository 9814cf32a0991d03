// Pure zod schemas and types the web app may import (no server code, no database client).
export type { AppRouter, RouterInputs, RouterOutputs } from "../index.ts";
export * from "./account.ts";
export * from "./cart.ts";
export * from "./catalog.ts";
export * from "./inventory.ts";
export * from "./order.ts";
export * from "./product-csv.ts";
