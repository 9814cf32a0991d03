import { REST_CREATED_PATHS, type RestRouter, restRouter, type Services } from "@stockroom/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type CreateOpenApiFastifyPluginOptions, fastifyTRPCOpenApiPlugin } from "trpc-to-openapi";
import type { ErrorBody } from "./http-errors.ts";
import type { ContextFactory } from "./request-context.ts";

/**
 * The REST contract at /api/*: trpc-to-openapi routes each request to a procedure of the REST router.
 * Error bodies are shaped by the router's error formatter for REST ({ error, details }); this plugin
 * only drops the fields trpc-to-openapi adds on top, and answers 201 for creations.
 */
export async function registerRestRoutes(
  app: FastifyInstance,
  options: { services: Services; createContext: ContextFactory },
) {
  await app.register(async (rest) => {
    rest.addHook("preHandler", async (request) => {
      // A PATCH or POST without a body (e.g. "cancel") is an empty JSON object, not a 415.
      if (request.method !== "GET" && request.body === undefined && !request.headers["content-type"]) {
        request.headers["content-type"] = "application/json";
        request.body = {};
      }
    });
    rest.addHook("onSend", async (_request, reply, payload) =>
      reply.statusCode >= 400 ? restErrorPayload(payload) : payload,
    );
    await rest.register(fastifyTRPCOpenApiPlugin, {
      basePath: "/api",
      router: restRouter,
      createContext: ({ req, res }: { req: FastifyRequest; res: FastifyReply }) =>
        options.createContext(req, res, "rest"),
      responseMeta: ({ paths, errors }) =>
        errors.length === 0 && paths?.some((path) => REST_CREATED_PATHS.has(path)) ? { status: 201 } : {},
      onError: ({ error, path, req }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          (req as unknown as FastifyRequest).log.error(
            { err: error.cause ?? error, path },
            "REST procedure failed",
          );
      },
    } satisfies CreateOpenApiFastifyPluginOptions<RestRouter>);
  });
}

function restErrorPayload(payload: unknown): unknown {
  if (typeof payload !== "string") return payload;
  try {
    const body = JSON.parse(payload) as Record<string, unknown>;
    const shaped: ErrorBody = { error: String(body.error ?? body.message ?? "Request failed") };
    if (body.details !== undefined) shaped.details = body.details;
    if (typeof body.requestId === "string") shaped.requestId = body.requestId;
    return JSON.stringify(shaped);
  } catch {
    return payload;
  }
}
