import {
  asDatabaseUnavailable,
  DatabaseUnavailableError,
  type DomainError,
  NotFoundError,
  RateLimitedError,
  type RestErrorBody,
  restErrorOf,
} from "@stockroom/api";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const DATABASE_UNAVAILABLE_LOG = "Postgres unreachable: answered 503";

/** The REST error body: `{ error, details? }`, plus the request id on a 500 (built by restErrorOf). */
export type ErrorBody = RestErrorBody;

/** How long a client is asked to wait before retrying while Postgres is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 1;

function sendError(reply: FastifyReply, thrown: unknown): FastifyReply {
  const error = asDatabaseUnavailable(thrown);
  const { status, body } = restErrorOf(error, String(reply.request.id));
  if (status === 500) reply.request.log.error({ err: error }, "request failed");
  if (error instanceof DatabaseUnavailableError) reply.request.log.warn(DATABASE_UNAVAILABLE_LOG);
  if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
  return reply.code(status).send(body);
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  return sendError(reply, error);
}

/** One error shape for every non-tRPC route: 4xx with a clear message, 500 logged with a request id and no internals. */
export function registerErrorHandlers(app: FastifyInstance): void {
  // Every 503 (Postgres unreachable on any surface, a busy pool, readiness) tells the client when to retry.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (reply.statusCode === 503 && !reply.hasHeader("retry-after"))
      reply.header("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
    done(null, payload);
  });
  app.setErrorHandler((error: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
    sendError(reply, error),
  );
  app.setNotFoundHandler((_request, reply) => sendError(reply, new NotFoundError("Not found")));
}
