import type { Db } from "@stockroom/db";
import { AuditTrail } from "./audit.ts";
import type { Auth } from "./auth/auth.ts";
import type { SessionUser } from "./auth/session.ts";
import type { SessionShortcut } from "./auth/session-shortcut.ts";
import type { DbClient } from "./db-client.ts";
import type { RateLimits } from "./rate-limit/rate-limits.ts";
import type { Redis } from "./redis.ts";
import type { CatalogCache } from "./services/catalog-cache.ts";
import type { CatalogReads } from "./services/catalog-reads.ts";
import type { ReadReplica } from "./services/read-replica.ts";

/** Long-lived dependencies, created once per process. */
export interface Services {
  db: Db;
  /** Where shoppers' catalog reads run: the replica when configured and caught up, else `db`. */
  readReplica: ReadReplica;
  /** Absent in single-process development mode (no Redis). */
  redis?: Redis;
  auth: Auth;
  limits: RateLimits;
  cache: CatalogCache;
  /** Answers most session lookups without better-auth's pipeline; absent without Redis. */
  sessionShortcut?: SessionShortcut;
}

export interface ContextInner extends Omit<Services, "db"> {
  /** Request headers for procedures that read one (REST Idempotency-Key); empty without HTTP. */
  headers: Headers;
  /** Which surface the call came through: errors are shaped for it. */
  surface: "trpc" | "rest";
  /** The root client, or the mutation's transaction inside audited staff mutations. */
  db: DbClient;
  user: SessionUser | null;
  /** Correlates logs and error responses; set by the HTTP adapter, generated in scripts and tests. */
  requestId: string;
  ip: string | null;
  /** Replaced with a fresh trail for every procedure call by the base procedure (see trpc.ts). */
  audit: AuditTrail;
  /** Set by an HTTP response cache: records what the response's cached catalog reads were stamped with. */
  catalogReads?: CatalogReads;
}

/** The context without HTTP: tests, scripts and every adapter start from this. */
export function createContextInner(
  services: Services,
  request: {
    user?: SessionUser | null;
    requestId?: string;
    ip?: string | null;
    headers?: Headers;
    surface?: "trpc" | "rest";
    catalogReads?: CatalogReads;
  } = {},
): ContextInner {
  return {
    ...services,
    user: request.user ?? null,
    requestId: request.requestId ?? crypto.randomUUID(),
    ip: request.ip ?? null,
    headers: request.headers ?? new Headers(),
    surface: request.surface ?? "trpc",
    audit: new AuditTrail(),
    catalogReads: request.catalogReads,
  };
}

export type Context = ContextInner;
