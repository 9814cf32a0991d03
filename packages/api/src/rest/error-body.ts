import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { DomainError, httpStatusOf } from "../errors.ts";

/**
 * The body of every REST error and of every other non-tRPC route: `{ error, details? }`, plus the
 * request id on a 500. Built here only, by restErrorOf, whatever failed.
 */
export interface RestErrorBody {
  error: string;
  details?: unknown;
  requestId?: string;
}

export interface RestError {
  status: number;
  body: RestErrorBody;
}

/** One refused field: its dotted path ("items.0.quantity") and what is wrong with it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export const INVALID_REQUEST = "Invalid request";
export const INTERNAL_ERROR = "Internal server error";
export const UNREADABLE_INPUT = "The input could not be read";

export function fieldIssuesOf(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/**
 * What a caller is told about a failed tRPC call, on either surface: never the words of an unexpected
 * error, nor those of a library's plain Error inside a client error (superjson refusing forged
 * metadata says "Maximum call stack size exceeded").
 */
export function publicMessageOf(error: TRPCError): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return INTERNAL_ERROR;
  if (error.cause instanceof ZodError) return INVALID_REQUEST;
  if (error.cause instanceof Error && !(error.cause instanceof DomainError)) return UNREADABLE_INPUT;
  return error.message;
}

/**
 * The status and REST body for anything thrown: a domain error (its REST details), zod issues (400
 * naming each field), a tRPC error (what it wraps), an HTTP library's client error (its 4xx), and
 * anything else a 500 that shows only the request id (the caller logs the error itself).
 */
export function restErrorOf(error: unknown, requestId: string): RestError {
  if (error instanceof DomainError) {
    return { status: httpStatusOf(error), body: withDetails(error.message, error.restDetails) };
  }
  if (error instanceof ZodError) return { status: 400, body: invalidRequest(fieldIssuesOf(error)) };
  if (error instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(error);
    if (error.code === "INTERNAL_SERVER_ERROR") return internalError(requestId);
    if (error.cause instanceof ZodError) return { status, body: invalidRequest(fieldIssuesOf(error.cause)) };
    const details = error.cause instanceof DomainError ? error.cause.restDetails : undefined;
    return { status, body: withDetails(publicMessageOf(error), details) };
  }
  const status = clientErrorStatusOf(error);
  if (status === undefined || !(error instanceof Error)) return internalError(requestId);
  // A 400 from the HTTP layer (a body that is not JSON, say) reads like any invalid input.
  if (status === 400) return { status, body: invalidRequest([{ path: "", message: error.message }]) };
  return { status, body: { error: error.message } };
}

function withDetails(message: string, details: unknown): RestErrorBody {
  return details === undefined ? { error: message } : { error: message, details };
}

function invalidRequest(issues: FieldIssue[]): RestErrorBody {
  return { error: INVALID_REQUEST, details: issues };
}

function internalError(requestId: string): RestError {
  return { status: 500, body: { error: INTERNAL_ERROR, requestId } };
}

/** The 4xx an HTTP library put on its error (Fastify's `statusCode`), if any. */
function clientErrorStatusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && status >= 400 && status < 500 ? status : undefined;
}
