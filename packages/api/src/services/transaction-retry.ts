import { Prisma } from "@stockroom/db";
import pg from "pg";

// Deadlock, serialization failure, and Prisma's name for either in an interactive transaction.
const RETRYABLE_SQLSTATES = ["40P01", "40001"];

/** An error from node-postgres itself (the plain-SQL paths): it carries the SQLSTATE and constraint. */
function isPgError(error: unknown): error is pg.DatabaseError & { code: string } {
  return error instanceof pg.DatabaseError && typeof error.code === "string";
}

export function isRetryableTransactionError(error: unknown): boolean {
  if (isPgError(error)) return RETRYABLE_SQLSTATES.includes(error.code);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const meta = JSON.stringify(error.meta ?? {});
  return RETRYABLE_SQLSTATES.some((code) => meta.includes(code));
}

export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (isPgError(error))
    return error.code === "23505" && (field === undefined || (error.constraint ?? "").includes(field));
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return field === undefined || JSON.stringify(error.meta ?? {}).includes(field);
}

/** Retries a whole transaction a few times when Postgres aborted it for a deadlock or serialization failure. */
export async function withTransactionRetry<T>(task: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}
