import type { Db } from "@stockroom/db";
import { AuditTrail } from "./audit.ts";
import type { Auth } from "./auth/auth.ts";
import type { SessionUser } from "./auth/session.ts";
import type { DbClient } from "./db-client.ts";
import type { RateLimits } from "./rate-limit/rate-limits.ts";
import type { Redis } from "./redis.ts";

/** Long-lived dependencies, created once per process. */
export interface Services {
  db: Db;
  /** Absent in single-process development mode (no Redis). */
  redis?: Redis;
  auth: Auth;
  limits: RateLimits;
}

export interface ContextInner extends Omit<Services, "db"> {
  /** The root client, or the mutation's transaction inside audited staff mutations. */
  db: DbClient;
  user: SessionUser | null;
  /** Correlates logs and error responses; set by the HTTP adapter, generated in scripts and tests. */
  requestId: string;
  ip: string | null;
  audit: AuditTrail;
}

/** The context without HTTP: tests, scripts and every adapter start from this. */
export function createContextInner(
  services: Services,
  request: { user?: SessionUser | null; requestId?: string; ip?: string | null } = {},
): ContextInner {
  return {
    ...services,
    user: request.user ?? null,
    requestId: request.requestId ?? crypto.randomUUID(),
    ip: request.ip ?? null,
    audit: new AuditTrail(),
  };
}

export type Context = ContextInner;
