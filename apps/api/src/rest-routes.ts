import {
  REST_CREATED_PATHS,
  type RestErrorBody,
  type RestRouter,
  restErrorOf,
  restRouter,
  type Services,
} from "@stockroom/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type CreateOpenApiFastifyPluginOptions, fastifyTRPCOpenApiPlugin } from "trpc-to-openapi";
import type { Metrics } from "./metrics.ts";
import type { ContextFactory } from "./request-context.ts";

/**
 * The REST contract at /api/*: trpc-to-openapi routes each request to a procedure of the REST router,
 * and this plugin answers 201 for creations. An error's body is built by restErrorOf from the error
 * itself (in onError, which sees every failure, routing ones included) and replaces the tRPC-shaped
 * body the library sends, so REST bodies have one shaper.
 */
export async function registerRestRoutes(
  app: FastifyInstance,
  options: { services: Services; createContext: ContextFactory; metrics: Metrics },
) {
  await app.register(async (rest) => {
    rest.addHook("preHandler", (request, _reply, done) => {
      // A PATCH or POST without a body (e.g. "cancel") is an empty JSON object, not a 415.
      if (request.method !== "GET" && request.body === undefined && !request.headers["content-type"]) {
        request.headers["content-type"] = "application/json";
        request.body = {};
      }
      done();
    });
    // trpc-to-openapi's route sends with reply.send and then resolves with undefined; while async
    // onSend hooks still run, Fastify reads that as "nothing sent" and sends again (ERR_HTTP_HEADERS_SENT,
    // logged as a 500). Returning the reply tells Fastify the answer is on its way.
    rest.addHook("onRoute", (route) => {
      const handler = route.handler;
      route.handler = async function sendOnce(this: FastifyInstance, request, reply) {
        await handler.call(this, request, reply);
        return reply;
      };
    });
    const errorBodies = new WeakMap<FastifyRequest, RestErrorBody>();
    rest.addHook("onSend", (request, reply, payload, done) => {
      const body = reply.statusCode >= 400 ? errorBodies.get(request) : undefined;
      done(null, body ? JSON.stringify(body) : payload);
    });
    await rest.register(fastifyTRPCOpenApiPlugin, {
      basePath: "/api",
      router: restRouter,
      createContext: ({ req, res }: { req: FastifyRequest; res: FastifyReply }) =>
        options.createContext(req, res, "rest"),
      responseMeta: ({ paths, errors }) =>
        errors.length === 0 && paths?.some((path) => REST_CREATED_PATHS.has(path)) ? { status: 201 } : {},
      onError: ({ error, path, req }) => {
        const request = req as unknown as FastifyRequest;
        // Placed REST orders are counted by the metrics' response hook (a 201 on POST /api/orders).
        if (path === "createOrder") options.metrics.orderRefused(error);
        if (error.code === "INTERNAL_SERVER_ERROR")
          request.log.error({ err: error.cause ?? error, path }, "REST procedure failed");
        errorBodies.set(request, restErrorOf(error, String(request.id)).body);
      },
    } satisfies CreateOpenApiFastifyPluginOptions<RestRouter>);
  });
}
