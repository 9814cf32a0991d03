import type { Db } from "@stockroom/db";
import { AUTH_KEY_PREFIX, type AuthLog, createAuth } from "./auth/auth.ts";
import { SessionShortcut } from "./auth/session-shortcut.ts";
import { RedisNearCache } from "./cache/near-cache.ts";
import type { Services } from "./context.ts";
import type { RateLimitConfig } from "./rate-limit/config.ts";
import { RateLimits } from "./rate-limit/rate-limits.ts";
import type { Redis } from "./redis.ts";
import { CatalogCache } from "./services/catalog-cache.ts";
import { watchCatalogChanges } from "./services/catalog-changes.ts";
import { ReadReplica } from "./services/read-replica.ts";

export interface ServicesConfig {
  db: Db;
  /** A streaming replica of `db` for shoppers' catalog reads (see ReadReplica); absent: all reads on `db`. */
  replicaDb?: Db;
  /** Called once each time the replica stops answering and catalog reads move to the primary. */
  onReplicaUnavailable?: (error: unknown) => void;
  redis?: Redis;
  authSecret: string;
  /** The web app's origins; the first is better-auth's base URL. */
  webOrigins: string[];
  rateLimits: RateLimitConfig;
  onSessionStorageError?: (error: unknown) => void;
  quietAuth?: boolean;
  authLog?: AuthLog;
}

/** The process-wide dependencies every adapter (HTTP server, scripts, tests) hands to the router. */
export function createApiServices(config: ServicesConfig): Services {
  const [baseURL = "http://localhost:3000"] = config.webOrigins;
  const auth = createAuth({
    db: config.db,
    redis: config.redis,
    secret: config.authSecret,
    baseURL,
    trustedOrigins: config.webOrigins,
    // Secure cookies need HTTPS; production deployments serve the web origin over HTTPS.
    secureCookies: baseURL.startsWith("https://"),
    onStorageError: config.onSessionStorageError,
    quiet: config.quietAuth,
    log: config.authLog,
  });
  // One tracked near cache per process serves both the catalog and session lookups.
  const near = config.redis ? new RedisNearCache(config.redis) : undefined;
  const cache = new CatalogCache(config.redis, near);
  // Services say what they changed on their transaction; this cache hears it after each commit.
  watchCatalogChanges(config.db, cache);
  return {
    db: config.db,
    readReplica: new ReadReplica(config.db, config.replicaDb, config.onReplicaUnavailable),
    redis: config.redis,
    auth,
    limits: new RateLimits(config.rateLimits, config.redis),
    cache,
    sessionShortcut: near ? new SessionShortcut(auth, near, AUTH_KEY_PREFIX) : undefined,
  };
}
