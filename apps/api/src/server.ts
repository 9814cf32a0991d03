import { randomUUID } from "node:crypto";
import {
  type AppRouter,
  appRouter,
  createContextInner,
  RateLimitedError,
  resolveSession,
  type Services,
} from "@stockroom/api";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { registerAuthRoutes } from "./auth-routes.ts";
import { registerErrorHandlers } from "./http-errors.ts";
import { checkReadiness } from "./readiness.ts";
import { registerSecurity } from "./security.ts";
import { toWebHeaders } from "./web-request.ts";

export interface ServerOptions {
  services: Services;
  /** Origins allowed to send cookie-carrying mutations (the web app). */
  trustedOrigins: string[];
  /** Fastify's trustProxy: which hops may set X-Forwarded-For (the Next.js proxy on loopback). */
  trustProxy?: string | boolean;
  logLevel?: string;
}

const REQUEST_ID_HEADER = "x-request-id";

export async function buildServer({
  services,
  trustedOrigins,
  trustProxy = "loopback",
  logLevel = "info",
}: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel },
    trustProxy,
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 5_000 },
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  registerErrorHandlers(app);
  await registerSecurity(app, { trustedOrigins, limits: services.limits });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const readiness = await checkReadiness(services.db, services.redis);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  await registerAuthRoutes(app, services);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      async createContext({ req, res }) {
        const { user, setCookies } = await resolveSession(services.auth, toWebHeaders(req));
        if (setCookies.length > 0) res.header("set-cookie", setCookies);
        return createContextInner(services, { user, requestId: String(req.id), ip: req.ip });
      },
      responseMeta({ errors }) {
        const limited = errors.map((error) => error.cause).find((cause) => cause instanceof RateLimitedError);
        return limited ? { headers: new Headers({ "retry-after": String(limited.retryAfterSeconds) }) } : {};
      },
      onError({ error, path, req }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  return app;
}
