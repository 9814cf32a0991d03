import type { FastifyInstance, FastifyRequest } from "fastify";

// The URL as the client sent it: the REST adapter (trpc-to-openapi) rewrites the raw request's URL.
const sentUrls = new WeakMap<FastifyRequest, string>();

/**
 * One line per request, written when the response is sent: method, path, status, client address and
 * time taken (plus the request id every line of the request carries). Fastify's own request logging
 * writes two lines per request ("incoming request", "request completed") with the whole request
 * object; at the default level that was the larger part of a cached read's cost (`pnpm bench`).
 */
export function registerAccessLog(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => {
    sentUrls.set(request, request.url);
    done();
  });
  app.addHook("onResponse", (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        url: sentUrls.get(request) ?? request.url,
        statusCode: reply.statusCode,
        ip: request.ip,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      "request",
    );
    done();
  });
}
