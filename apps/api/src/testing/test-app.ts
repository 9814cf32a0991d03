import type { RateLimitConfig, Redis, Services } from "@stockroom/api";
import {
  createTestServices,
  createTestUser,
  openTestContext,
  TEST_WEB_ORIGIN,
  type TestRedis,
} from "@stockroom/api/testing";
import type { Db } from "@stockroom/db";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../server.ts";
import { HttpClient } from "./http-client.ts";
import { recordRestResponses } from "./rest-response-recorder.ts";

export const WEB_ORIGIN = TEST_WEB_ORIGIN;
export { createTestServices };

export interface TestAppOptions {
  limits?: Partial<RateLimitConfig>;
  /** Use this Redis client instead of a fresh prefixed one (e.g. an unreachable one); null for none. */
  redis?: Redis | null;
  /** The web app's origin; an https:// one makes session cookies Secure. */
  webOrigin?: string;
  /** Add routes before the server starts listening. */
  beforeListen?: (app: FastifyInstance) => void;
  /** Require this bearer token on GET /metrics. */
  metricsToken?: string;
}

export interface TestApp {
  url: string;
  app: FastifyInstance;
  db: Db;
  services: Services;
  testRedis: TestRedis;
  /** REST responses checked against the OpenAPI document, and those it does not describe (close() throws on any). */
  restResponses: { readonly checked: number; readonly problems: string[] };
  close(): Promise<void>;
}

/** The real Fastify server on its own cloned database and Redis prefix, listening on a free port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const context = await openTestContext({
    redis: true,
    servicesRedis: options.redis,
    limits: options.limits,
    webOrigin: options.webOrigin,
  });
  const { db, services } = context;
  const app = await buildServer({
    services,
    trustedOrigins: [options.webOrigin ?? WEB_ORIGIN],
    logLevel: "silent",
    metricsToken: options.metricsToken,
  });
  const restResponses = recordRestResponses(app);
  options.beforeListen?.(app);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("server has no address");
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    db,
    services,
    testRedis: context.testRedis!,
    restResponses,
    async close() {
      await app.close();
      await context.close();
      restResponses.assertAllDocumented();
    },
  };
}

const SIGNED_IN_PASSWORD = "signed-in-test-password";

/** A new account of `role`, signed in over HTTP: its user row and a client carrying its session cookie. */
export async function signedInAs(t: Pick<TestApp, "db" | "url">, role: "CUSTOMER" | "STAFF" | "ADMIN") {
  const user = await createTestUser(t.db, { role, password: SIGNED_IN_PASSWORD });
  const client = new HttpClient(t.url);
  const result = await client.signIn(user.email, SIGNED_IN_PASSWORD);
  if (result.status !== 200) throw new Error(`sign-in as ${role} answered ${result.status}`);
  return { user, client };
}
