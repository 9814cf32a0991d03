import type { Db } from "@stockroom/db";
import type { Redis } from "./redis.ts";

export interface ContextInner {
  db: Db;
  redis: Redis;
  /** Correlates logs and error responses; set by the HTTP adapter, generated in scripts and tests. */
  requestId: string;
}

/** The context without HTTP: tests, scripts and every adapter start from this. */
export function createContextInner(options: { db: Db; redis: Redis; requestId?: string }): ContextInner {
  return { db: options.db, redis: options.redis, requestId: options.requestId ?? crypto.randomUUID() };
}

export type Context = ContextInner;
