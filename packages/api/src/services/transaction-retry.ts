import { Prisma } from "@stockroom/db";
import pg from "pg";
import { ConflictError } from "../errors.ts";

// Deadlock, serialization failure, and Prisma's name for either in an interactive transaction.
const RETRYABLE_SQLSTATES = ["40P01", "40001"];

/** An error from node-postgres itself (the plain-SQL paths): it carries the SQLSTATE and constraint. */
function isPgError(error: unknown): error is pg.DatabaseError & { code: string } {
  return error instanceof pg.DatabaseError && typeof error.code === "string";
}

/** Whether running the whole transaction again may succeed: a deadlock, serialization failure or RetryableConflictError. */
export function isRetryableTransactionError(error: unknown): boolean {
  if (error instanceof RetryableConflictError) return true;
  if (isPgError(error)) return RETRYABLE_SQLSTATES.includes(error.code);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const meta = JSON.stringify(error.meta ?? {});
  return RETRYABLE_SQLSTATES.some((code) => meta.includes(code));
}

export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (isPgError(error))
    return error.code === "23505" && (field === undefined || (error.constraint ?? "").includes(field));
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = JSON.stringify(error.meta ?? {});
  // P2010: a raw query (the plain-SQL order statement run on a transaction client) that Postgres refused.
  const unique = error.code === "P2002" || (error.code === "P2010" && meta.includes('"23505"'));
  return unique && (field === undefined || meta.includes(field));
}

/**
 * A conflict that a fresh attempt resolves (a product changed between reading it and writing the
 * order): the outermost transaction retries it like a deadlock (see db-client.ts `atOutermost`);
 * after the last attempt the caller gets it as the 409 it is.
 */
export class RetryableConflictError extends ConflictError {}
