import {
  createAuth,
  defaultRateLimitConfig,
  type RateLimitConfig,
  RateLimits,
  type Redis,
  type Services,
} from "@stockroom/api";
import { createTestRedis, type TestRedis } from "@stockroom/api/testing";
import { createDb, type Db } from "@stockroom/db";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "@stockroom/db/testing";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../server.ts";

export const WEB_ORIGIN = "http://localhost:3000";
export const TEST_AUTH_SECRET = "test-secret-test-secret-test-secret-0123";

export interface TestAppOptions {
  limits?: Partial<RateLimitConfig>;
  /** Use this Redis client instead of a fresh prefixed one (e.g. an unreachable one); null for none. */
  redis?: Redis | null;
  secureCookies?: boolean;
  /** Add routes before the server starts listening. */
  beforeListen?: (app: FastifyInstance) => void;
}

export interface TestApp {
  url: string;
  app: FastifyInstance;
  db: Db;
  services: Services;
  testRedis: TestRedis;
  close(): Promise<void>;
}

export function createTestServices(db: Db, redis: Redis | undefined, options: TestAppOptions = {}): Services {
  const auth = createAuth({
    db,
    redis,
    secret: TEST_AUTH_SECRET,
    baseURL: WEB_ORIGIN,
    trustedOrigins: [WEB_ORIGIN],
    secureCookies: options.secureCookies ?? false,
    quiet: true,
  });
  // Generous defaults so unrelated tests never trip a limit; limit tests pass their own.
  const limits = new RateLimits(
    {
      ...defaultRateLimitConfig,
      signInFailuresPerEmail: 50,
      signInFailuresPerIp: 500,
      signUpsPerIp: 500,
      requestsPerIp: 100_000,
      ...options.limits,
    },
    redis,
  );
  return { db, redis, auth, limits };
}

/** The real Fastify server on its own cloned database and Redis prefix, listening on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const name = await cloneTemplateDatabase();
  const db = createDb(databaseUrl(name), { poolSize: 4 });
  const testRedis = await createTestRedis();
  const redis = options.redis === null ? undefined : (options.redis ?? testRedis.redis);
  const services = createTestServices(db, redis, options);
  const app = await buildServer({ services, trustedOrigins: [WEB_ORIGIN], logLevel: "silent" });
  options.beforeListen?.(app);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    db,
    services,
    testRedis,
    async close() {
      await app.close();
      await db.$disconnect();
      await testRedis.cleanup();
      await dropDatabase(name);
    },
  };
}
