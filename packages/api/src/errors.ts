import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * Errors a caller can cause. Services throw these; one mapping (toTrpcCode / httpStatusOf) turns them
 * into tRPC codes and HTTP statuses, so the two surfaces always agree.
 */
export abstract class DomainError extends Error {
  abstract readonly code: TRPC_ERROR_CODE_KEY;
  /** Extra facts a client may act on (e.g. available stock). Never internals. */
  readonly details?: Record<string, unknown>;
  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFoundError extends DomainError {
  readonly code = "NOT_FOUND";
}
export class ForbiddenError extends DomainError {
  readonly code = "FORBIDDEN";
}
export class UnauthorizedError extends DomainError {
  readonly code = "UNAUTHORIZED";
}
export class ConflictError extends DomainError {
  readonly code = "CONFLICT";
}
export class InvalidInputError extends DomainError {
  readonly code = "BAD_REQUEST";
}
export class RateLimitedError extends DomainError {
  readonly code = "TOO_MANY_REQUESTS";
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many requests. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
      {
        retryAfterSeconds,
      },
    );
  }
}

const httpStatusByCode: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export function httpStatusOf(error: DomainError): number {
  return httpStatusByCode[error.code] ?? 500;
}
