// Pure zod schemas and types the web app may import (no server code, no database client), the one date
// formatter, and the one money formatter with its unit conversions (pure), so pages and forms use the
// API's own rules.
export * from "../domain/dates.ts";
export * from "../domain/money.ts";
export * from "../domain/variants.ts";
export type { AppRouter, RouterInputs, RouterOutputs } from "../index.ts";
export * from "./account.ts";
export * from "./address.ts";
export * from "./cart.ts";
export * from "./catalog.ts";
export * from "./checkout.ts";
export * from "./checkout-settings.ts";
export * from "./inventory.ts";
export * from "./order.ts";
export * from "./product-csv.ts";
export * from "./promotion.ts";
export * from "./variant.ts";
