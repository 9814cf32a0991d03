import { randomUUID } from "node:crypto";
import type { AppRouter } from "@stockroom/api";
import { appRouter, createContextInner, type Redis } from "@stockroom/api";
import type { Db } from "@stockroom/db";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { checkReadiness } from "./readiness.ts";

export interface ServerDeps {
  db: Db;
  redis: Redis;
  logLevel?: string;
}

const REQUEST_ID_HEADER = "x-request-id";

export async function buildServer({ db, redis, logLevel = "info" }: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: logLevel },
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 5_000 },
  });

  app.addHook("onSend", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const readiness = await checkReadiness(db, redis);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/api/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => createContextInner({ db, redis, requestId: String(req.id) }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          app.log.error({ err: error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  return app;
}
