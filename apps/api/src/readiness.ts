import { pingRedis, type Redis } from "@stockroom/api";
import type { Db } from "@stockroom/db";

export type DependencyState = "ok" | "unreachable";

export interface Readiness {
  ready: boolean;
  postgres: DependencyState;
  redis: DependencyState;
}

export async function checkReadiness(db: Db, redis: Redis, timeoutMs = 1_000): Promise<Readiness> {
  const [postgres, redisOk] = await Promise.all([pingPostgres(db, timeoutMs), pingRedis(redis, timeoutMs)]);
  return {
    ready: postgres && redisOk,
    postgres: postgres ? "ok" : "unreachable",
    redis: redisOk ? "ok" : "unreachable",
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
