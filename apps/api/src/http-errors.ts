import {
  type DomainError,
  NotFoundError,
  RateLimitedError,
  type RestErrorBody,
  restErrorOf,
} from "@stockroom/api";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The REST error body: `{ error, details? }`, plus the request id on a 500 (built by restErrorOf). */
export type ErrorBody = RestErrorBody;

function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = restErrorOf(error, String(reply.request.id));
  if (status === 500) reply.request.log.error({ err: error }, "request failed");
  if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
  return reply.code(status).send(body);
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  return sendError(reply, error);
}

/** One error shape for every non-tRPC route: 4xx with a clear message, 500 logged with a request id and no internals. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, error),
  );
  app.setNotFoundHandler((_request, reply) => sendError(reply, new NotFoundError("Not found")));
}
