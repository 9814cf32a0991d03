import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { type Context, type ContextInner, createContextInner } from "./context.ts";
export { createRedis, pingRedis, type Redis } from "./redis.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
