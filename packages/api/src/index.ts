import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { type Auth, type AuthLog, type AuthOptions, createAuth, SESSION_COOKIE_PREFIX } from "./auth/auth.ts";
export { resolveSession, type SessionUser } from "./auth/session.ts";
export { RedisNearCache } from "./cache/near-cache.ts";
export { type Context, type ContextInner, createContextInner, type Services } from "./context.ts";
export { asDatabaseUnavailable, isDatabaseUnavailable } from "./database-unavailable.ts";
export * from "./errors.ts";
export { defaultRateLimitConfig, type RateLimitConfig } from "./rate-limit/config.ts";
export { RateLimits } from "./rate-limit/rate-limits.ts";
export { createRedis, pingRedis, type Redis, type RedisSentinelConfig } from "./redis.ts";
export { type RestError, type RestErrorBody, restErrorOf } from "./rest/error-body.ts";
export { createOpenApiDocument } from "./rest/openapi.ts";
export { REST_CREATED_PATHS, type RestRouter, restRouter } from "./rest/router.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
export { CatalogCache, type StockChange } from "./services/catalog-cache.ts";
export { CatalogReads } from "./services/catalog-reads.ts";
export { createApiServices, type ServicesConfig } from "./services-factory.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export * from "./events/index.ts";
