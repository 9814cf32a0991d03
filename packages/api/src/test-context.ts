import { openForFile, openTestDatabase, readThrough, type TestDatabase } from "@stockroom/db/testing";
import type { Redis } from "ioredis";
import type { Services } from "./context.ts";
import type { RateLimitConfig } from "./rate-limit/config.ts";
import { createTestRedis, createTestServices, type TestRedis } from "./testing.ts";

export interface TestContextOptions {
  /** The database client's pool (default 4). */
  poolSize?: number;
  /** Give the file a Redis client with its own key prefix, which the services use (default: no Redis). */
  redis?: boolean;
  /** The services use this Redis client instead (e.g. an unreachable one), or none for null. */
  servicesRedis?: Redis | null;
  limits?: Partial<RateLimitConfig>;
  webOrigin?: string;
}

export interface TestContext extends TestDatabase {
  /** Set when options.redis asked for one. */
  testRedis: TestRedis | undefined;
  /** testRedis's client; reading it without options.redis throws. */
  readonly redis: Redis;
  services: Services;
  /** Disconnects the database and Redis clients, deletes the file's Redis keys and drops the clone. */
  close(): Promise<void>;
}

/** A cloned database, an optional prefixed Redis client, and test services over them. */
export async function openTestContext(options: TestContextOptions = {}): Promise<TestContext> {
  const database = await openTestDatabase({ poolSize: options.poolSize });
  let testRedis: TestRedis | undefined;
  try {
    testRedis = options.redis ? await createTestRedis() : undefined;
  } catch (error) {
    await database.close();
    throw error;
  }
  const servicesRedis =
    options.servicesRedis === null ? undefined : (options.servicesRedis ?? testRedis?.redis);
  return {
    ...database,
    testRedis,
    get redis() {
      if (!testRedis) throw new Error("this test context has no Redis: pass { redis: true }");
      return testRedis.redis;
    },
    services: createTestServices(database.db, servicesRedis, options),
    async close() {
      await testRedis?.cleanup();
      await database.close();
    },
  };
}

export type UseTestContext = Pick<TestContext, "name" | "url" | "db" | "services" | "redis">;

/**
 * The usual setup of an integration test file: openTestContext() in beforeAll, closed in afterAll.
 * Read its fields inside hooks and tests; they throw if read when the file loads.
 */
export function useTestContext(options: TestContextOptions = {}): UseTestContext {
  const current = openForFile("useTestContext()'s database and services", () => openTestContext(options));
  return readThrough(current, ["name", "url", "db", "services", "redis"]);
}
