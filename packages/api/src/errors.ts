import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { PromotionRefusal } from "./domain/pricing/index.ts";

/**
 * Errors a caller can cause. Services throw these; each carries its tRPC code (`code`), and
 * `httpStatusOf` maps that code to the HTTP status, so the two surfaces always agree.
 */
export abstract class DomainError extends Error {
  abstract readonly code: TRPC_ERROR_CODE_KEY;
  /** Extra facts a client may act on (e.g. available stock). Never internals. */
  readonly details?: Record<string, unknown>;
  /** The details the REST contract promises, when they differ from `details`. */
  get restDetails(): Record<string, unknown> | undefined {
    return this.details;
  }
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
/** Short stock: 400 on REST by contract, with which variant, how many are left and how many were asked for. */
export class InsufficientInventoryError extends DomainError {
  readonly code = "BAD_REQUEST";
  constructor(
    readonly shortage: {
      productId: string;
      variantId: string;
      sku: string;
      productName: string;
      variantTitle: string;
      available: number;
      requested: number;
    },
  ) {
    super("Insufficient inventory", { ...shortage });
  }

  override get restDetails() {
    return {
      productId: this.shortage.productId,
      variantId: this.shortage.variantId,
      sku: this.shortage.sku,
      available: this.shortage.available,
      requested: this.shortage.requested,
    };
  }
}

/**
 * A discount code that cannot be used on this order: 400 on both surfaces, with the code (as looked
 * up: trimmed, upper-case) and why, one of PROMOTION_REFUSALS.
 */
export class PromotionNotApplicableError extends DomainError {
  readonly code = "BAD_REQUEST";
  constructor(
    readonly promotionCode: string,
    readonly reason: PromotionRefusal,
  ) {
    super("Promotion not applicable", { code: promotionCode, reason });
  }
}

/**
 * No active shipping method of the shipping address's zone can serve this cart (no zone, no method in
 * the cart's currency, or only weight-based methods for a cart with a weight unknown or above the
 * last tier): 400 on both surfaces.
 */
export class NoShippingMethodError extends DomainError {
  readonly code = "BAD_REQUEST";
  constructor() {
    super("No shipping method for this address");
  }
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

/** The database is saturated; the caller should retry shortly (503). */
export class ServiceBusyError extends DomainError {
  readonly code = "SERVICE_UNAVAILABLE";
  constructor() {
    super("The shop is very busy right now. Please try again in a moment.");
  }
}

const httpStatusByCode: Partial<Record<TRPC_ERROR_CODE_KEY, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function httpStatusOf(error: DomainError): number {
  return httpStatusByCode[error.code] ?? 500;
}

/** Postgres cannot be reached (down, restarting, refusing connections): 503, and the caller retries. */
export class DatabaseUnavailableError extends DomainError {
  readonly code = "SERVICE_UNAVAILABLE";
  constructor() {
    super("Service unavailable");
  }
}
