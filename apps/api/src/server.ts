import { randomUUID } from "node:crypto";
import { type AppRouter, appRouter, RateLimitedError, type Services } from "@stockroom/api";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  LogController,
} from "fastify";
import { registerAccessLog } from "./access-log.ts";
import { registerAuthRoutes } from "./auth-routes.ts";
import { registerCatalogResponseCache } from "./catalog-response-cache.ts";
import { registerDocsRoutes } from "./docs-routes.ts";
import { registerErrorHandlers } from "./http-errors.ts";
import { createMetrics, type Metrics, registerMetrics } from "./metrics.ts";
import { checkReadiness, SHUTTING_DOWN_READINESS, type ShutdownState } from "./readiness.ts";
import { contextFactory } from "./request-context.ts";
import { registerRestRoutes } from "./rest-routes.ts";
import { MAX_TRPC_BATCH_SIZE, registerSecurity } from "./security.ts";

export interface ServerOptions {
  services: Services;
  /** Origins allowed to send cookie-carrying mutations (the web app). */
  trustedOrigins: string[];
  /** Fastify's trustProxy: which hops may set X-Forwarded-For (by default the web app's server on loopback). */
  trustProxy?: string | string[] | boolean;
  logLevel?: string;
  /** The process's logger (logger.ts, asynchronous); without it Fastify makes its own at `logLevel`. */
  logger?: FastifyBaseLogger;
  /** Flipped by main.ts on SIGTERM (see shutdown.ts): /readyz turns 503 and connections stop being kept alive. */
  shutdown?: ShutdownState;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; unset, it answers loopback clients only. */
  metricsToken?: string;
}

const REQUEST_ID_HEADER = "x-request-id";
const ORDER_CREATE_PATH = "order.create";

/** Each successful order.create call of a (batched) tRPC response; refusals are counted in onError. */
function countPlacedOrders(metrics: Metrics, paths: readonly string[] | undefined, data: readonly unknown[]) {
  paths?.forEach((path, index) => {
    const result = data[index];
    if (path === ORDER_CREATE_PATH && typeof result === "object" && result !== null && !("error" in result))
      metrics.orderPlaced();
  });
}

export async function buildServer({
  services,
  trustedOrigins,
  trustProxy = "loopback",
  logLevel = "info",
  logger,
  shutdown = { shuttingDown: false },
  metricsToken,
}: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: { level: logLevel } }),
    // One access line per request instead (access-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy,
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 5_000 },
    // CSV imports allow 1 MB of text; JSON escaping can grow it, so leave room above Fastify's 1 MiB default.
    bodyLimit: 4 * 1024 * 1024,
    // A request that reaches a connection still open while the server closes is served, not refused.
    return503OnClosing: false,
    // A path whose percent-escapes do not decode (a lone surrogate such as %ED%BF%BF) fails in
    // Fastify's router, before any route or error handler: answer our error shape, not Fastify's.
    frameworkErrors: (error, _request, res) => {
      const reply = res as unknown as FastifyReply;
      // No hook has run (so no security headers yet): the one that matters for a JSON error is nosniff.
      if (error.code === "FST_ERR_BAD_URL")
        reply
          .code(400)
          .header("x-content-type-options", "nosniff")
          .send({ error: "Malformed URL: the path does not decode as UTF-8" });
      else reply.send(error);
    },
  });

  // Hooks in callback style throughout: on a cached read, each async hook's promise was measurable.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // While draining, each response closes its connection: no keep-alive connection is left idle for the
  // server to cut when it closes after the window, which would reset a request sent on it just then.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (shutdown.shuttingDown) reply.header("connection", "close");
    done(null, payload);
  });
  registerAccessLog(app);
  registerErrorHandlers(app);
  const metrics = createMetrics(services.db);
  registerMetrics(app, metrics, { token: metricsToken });
  await registerSecurity(app, { trustedOrigins, limits: services.limits });
  registerCatalogResponseCache(app, services.cache);

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    if (shutdown.shuttingDown) return reply.code(503).send(SHUTTING_DOWN_READINESS);
    const readiness = await checkReadiness(services.db, services.redis);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  // A body-less JSON request (e.g. PATCH .../cancel) is an empty object rather than an error.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    if (body === "") return done(null, {});
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error("The body is not valid JSON"), { statusCode: 400 }), undefined);
    }
  });

  const createContext = contextFactory(services);
  await registerAuthRoutes(app, services);
  registerDocsRoutes(app);
  await registerRestRoutes(app, { services, createContext, metrics });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      // A backstop to the security hook, which refuses bigger batches with a clearer message.
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext: ({ req, res }) => createContext(req, res, "trpc"),
      responseMeta({ errors, paths, data, eagerGeneration }) {
        if (!eagerGeneration) countPlacedOrders(metrics, paths, data);
        const limited = errors.map((error) => error.cause).find((cause) => cause instanceof RateLimitedError);
        return limited ? { headers: new Headers({ "retry-after": String(limited.retryAfterSeconds) }) } : {};
      },
      onError({ error, path, req }) {
        if (path === ORDER_CREATE_PATH) metrics.orderRefused(error);
        if (error.code === "INTERNAL_SERVER_ERROR")
          req.log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  return app;
}
