import { pingRedis, type Redis } from "@stockroom/api";
import type { Db } from "@stockroom/db";

export type DependencyState = "ok" | "unreachable" | "disabled";

export interface Readiness {
  ready: boolean;
  postgres: DependencyState;
  redis: DependencyState;
}

/** Set once the process got SIGTERM: from then on it drains and is never ready again. */
export interface ShutdownState {
  shuttingDown: boolean;
}

/** /readyz's answer while shutting down: given at once, without asking Postgres or Redis. */
export const SHUTTING_DOWN_READINESS = { ready: false, shuttingDown: true } as const;

/**
 * Redis is "disabled" in single-process development mode; then readiness depends on Postgres alone.
 * The read replica (DATABASE_REPLICA_URL) is not asked: without it catalog reads run on the primary
 * (see ReadReplica), so a replica outage must not take every API process out of the load balancer.
 */
export async function checkReadiness(
  db: Db,
  redis: Redis | undefined,
  timeoutMs = 1_000,
): Promise<Readiness> {
  const [postgres, redisOk] = await Promise.all([
    pingPostgres(db, timeoutMs),
    redis ? pingRedis(redis, timeoutMs) : undefined,
  ]);
  const redisState: DependencyState = redisOk === undefined ? "disabled" : redisOk ? "ok" : "unreachable";
  return {
    ready: postgres && redisState !== "unreachable",
    postgres: postgres ? "ok" : "unreachable",
    redis: redisState,
  };
}

async function pingPostgres(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
