import { randomBytes, randomUUID } from "node:crypto";
import type { Db, Role } from "@stockroom/db";
import { hashPassword } from "better-auth/crypto";
import { Redis } from "ioredis";
import type { SessionUser } from "./auth/session.ts";
import { createContextInner, type Services } from "./context.ts";
import type { DbClient } from "./db-client.ts";
import { defaultRateLimitConfig, type RateLimitConfig } from "./rate-limit/config.ts";
import { createCaller } from "./root.ts";
import { createApiServices } from "./services-factory.ts";

export { createMugOrder, createTestProduct } from "./fixtures.ts";
export {
  openTestContext,
  type TestContext,
  type TestContextOptions,
  type UseTestContext,
  useTestContext,
} from "./test-context.ts";

export const TEST_REDIS_URL = "redis://127.0.0.1:6379/0";

export interface TestRedis {
  redis: Redis;
  /** Every key this client writes starts with it, so test files never see each other's keys. */
  prefix: string;
  /** Deletes this file's keys and closes the client. */
  cleanup(): Promise<void>;
}

/** A Redis client for one integration test file, with its own key prefix. */
export async function createTestRedis(url = TEST_REDIS_URL): Promise<TestRedis> {
  const prefix = `test:${randomBytes(6).toString("hex")}:`;
  const redis = new Redis(url, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  await redis.ping();
  return {
    redis,
    prefix,
    async cleanup() {
      // keyPrefix is not applied to SCAN patterns or to DEL of returned keys, so use a plain client.
      const plain = new Redis(url);
      try {
        let cursor = "0";
        do {
          const [next, keys] = await plain.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
          cursor = next;
          if (keys.length) await plain.del(...keys);
        } while (cursor !== "0");
      } finally {
        plain.disconnect();
        redis.disconnect();
      }
    },
  };
}

export interface TestUserOptions {
  email?: string;
  name?: string;
  role?: Role;
  password?: string;
  active?: boolean;
}

export const TEST_PASSWORD = "correct-horse-battery";

/** Creates a user who can sign in with `password` (default TEST_PASSWORD). */
export async function createTestUser(
  db: DbClient,
  options: TestUserOptions = {},
): Promise<SessionUser & { password: string }> {
  const id = randomUUID();
  const password = options.password ?? TEST_PASSWORD;
  const email = options.email ?? `user-${id.slice(0, 8)}@example.test`;
  const user = await db.user.create({
    data: {
      id,
      email,
      name: options.name ?? "Test User",
      role: options.role ?? "CUSTOMER",
      active: options.active ?? true,
      accounts: {
        create: {
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          password: await hashPassword(password),
        },
      },
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, password };
}

/** A tRPC caller acting as `user` (or anonymous), without HTTP. */
export function callerAs(services: Services, user: SessionUser | null, ip = "203.0.113.7") {
  return createCaller(createContextInner(services, { user, ip }));
}

export const TEST_WEB_ORIGIN = "http://localhost:3000";

/**
 * Services for tests, with generous rate limits so unrelated tests never trip one (limit tests pass
 * their own). Pass a Redis client (usually a createTestRedis() one) to exercise sessions, limits and cache.
 */
export function createTestServices(
  db: Db,
  redis?: Redis,
  options: { limits?: Partial<RateLimitConfig>; webOrigin?: string } = {},
): Services {
  return createApiServices({
    db,
    redis,
    authSecret: "test-secret-test-secret-test-secret-0123",
    webOrigins: [options.webOrigin ?? TEST_WEB_ORIGIN],
    rateLimits: {
      ...defaultRateLimitConfig,
      signInFailuresPerEmail: 50,
      signInFailuresPerAccount: 5_000,
      signInFailuresPerIp: 500,
      signUpsPerIp: 500,
      ordersPerUser: 10_000,
      requestsPerIp: 100_000,
      ...options.limits,
    },
    quietAuth: true,
  });
}
