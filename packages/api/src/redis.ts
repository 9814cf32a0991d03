import { Redis, type RedisOptions } from "ioredis";

export type { Redis };

/** Where Sentinel mode finds the master: the Sentinels to ask and the master's name in their configuration. */
export interface RedisSentinelConfig {
  sentinels: { host: string; port: number }[];
  name: string;
}

const CLIENT_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
};

/**
 * One ioredis client per process. Commands fail fast while Redis is unreachable instead of queueing
 * (enableOfflineQueue: false), so callers can fall back (cache misses, in-memory limits) rather than hang.
 * With `sentinel`, ioredis asks the Sentinels for the current master and follows a failover; the URL then
 * gives only the credentials and database number. Every `duplicate()` of this client keeps the same mode.
 */
export function createRedis(url: string, sentinel?: RedisSentinelConfig): Redis {
  const redis = sentinel
    ? new Redis({
        ...CLIENT_OPTIONS,
        ...credentialsOf(url),
        sentinels: sentinel.sentinels,
        name: sentinel.name,
        sentinelRetryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      })
    : new Redis(url, CLIENT_OPTIONS);
  // Without a listener ioredis reports every failed reconnect as an unhandled error event.
  redis.on("error", () => {});
  return redis;
}

/** Resolves true when Redis answers PING within `timeoutMs`. */
export async function pingRedis(redis: Redis, timeoutMs = 1_000): Promise<boolean> {
  if (redis.status !== "ready") return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([redis.ping().then((reply) => reply === "PONG"), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function credentialsOf(url: string): Pick<RedisOptions, "username" | "password" | "db"> {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
  };
}
