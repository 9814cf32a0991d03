import { DomainError, httpStatusOf, RateLimitedError } from "@stockroom/api";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** The REST error body: `{ error, details? }`, plus the request id on a 500. */
export interface ErrorBody {
  error: string;
  details?: unknown;
  requestId?: string;
}

export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
  const body: ErrorBody = { error: error.message };
  if (error.details !== undefined) body.details = error.details;
  return reply.code(httpStatusOf(error)).send(body);
}

/** One error shape for every non-tRPC route: 4xx with a clear message, 500 logged with a request id and no internals. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendDomainError(reply, error);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const body: ErrorBody = { error: status === 400 ? "Invalid request" : error.message };
      if (status === 400) body.details = [{ path: "", message: error.message }];
      return reply.code(status).send(body);
    }
    request.log.error({ err: error }, "request failed");
    return reply
      .code(500)
      .send({ error: "Internal server error", requestId: String(request.id) } satisfies ErrorBody);
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: "Not found" } satisfies ErrorBody),
  );
}
