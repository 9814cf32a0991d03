import { createApiServices, createRedis, type Redis, type Services } from "@stockroom/api";
import { createDb } from "@stockroom/db";
import type { Logger } from "pino";
import { betterAuthLog } from "./better-auth-log.ts";
import type { ApiEnv } from "./env.ts";

export type ApiConfig = Pick<ApiEnv, "WEB_ORIGINS" | "TRUST_PROXY">;

/** Builds the process-wide dependencies from configuration. */
export async function createServices(env: ApiEnv, log: Logger): Promise<Services> {
  const db = createDb(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  const replicaDb = env.DATABASE_REPLICA_URL
    ? createDb(env.DATABASE_REPLICA_URL, { poolSize: env.DATABASE_POOL_SIZE })
    : undefined;
  const redis = await connectRedis(env, log);
  if (env.RATE_LIMITS === "off") log.warn("RATE_LIMITS=off: every rate limit is disabled");
  if (env.NODE_ENV === "production" && !env.WEB_ORIGINS[0]!.startsWith("https://")) {
    log.warn(`the web origin ${env.WEB_ORIGINS[0]} is not HTTPS: session cookies are not marked Secure`);
  }
  return createApiServices({
    db,
    replicaDb,
    onReplicaUnavailable: (error) =>
      log.warn(
        { err: error },
        "read replica unavailable: catalog reads use the primary until it answers again",
      ),
    redis,
    authSecret: env.AUTH_SECRET,
    webOrigins: env.WEB_ORIGINS,
    rateLimits: {
      enabled: env.RATE_LIMITS === "on",
      signInFailuresPerEmail: env.RATE_LIMIT_SIGN_IN_FAILURES_PER_EMAIL,
      signInFailuresPerAccount: env.RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT,
      signInFailuresPerIp: env.RATE_LIMIT_SIGN_IN_FAILURES_PER_IP,
      signInBlockSeconds: env.RATE_LIMIT_SIGN_IN_BLOCK_SECONDS,
      signUpsPerIp: env.RATE_LIMIT_SIGN_UPS_PER_IP,
      ordersPerUser: env.RATE_LIMIT_ORDERS_PER_USER,
      requestsPerIp: env.RATE_LIMIT_REQUESTS_PER_IP,
    },
    onSessionStorageError: (error) =>
      log.warn({ err: error }, "session cache (Redis) unavailable; using Postgres"),
    authLog: betterAuthLog(log),
  });
}

/**
 * Redis is required in production. In development a missing Redis switches to single-process mode
 * (sessions in Postgres only, rate limits in this process's memory) and says so loudly.
 */
async function connectRedis(env: ApiEnv, log: Logger): Promise<Redis | undefined> {
  const sentinel =
    env.REDIS_SENTINELS && env.REDIS_SENTINEL_NAME
      ? { sentinels: env.REDIS_SENTINELS, name: env.REDIS_SENTINEL_NAME }
      : undefined;
  const redis = createRedis(env.REDIS_URL, sentinel);
  const ready = await new Promise<boolean>((resolve) => {
    if (redis.status === "ready") return resolve(true);
    const timer = setTimeout(() => resolve(false), 3_000);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (ready) return redis;
  redis.disconnect();
  if (env.NODE_ENV === "production") {
    throw new Error(`Redis is required in production, but nothing answered at REDIS_URL=${env.REDIS_URL}`);
  }
  log.warn(
    `Redis unreachable at ${env.REDIS_URL}: running in SINGLE-PROCESS MODE (sessions in Postgres, rate limits in memory). ` +
      "Run only one API process like this; start Redis for anything else.",
  );
  return undefined;
}
