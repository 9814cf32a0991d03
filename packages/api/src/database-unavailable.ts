import { DatabaseUnavailableError } from "./errors.ts";

// Socket-level failures of a connection to Postgres.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
// admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down).
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03"]);
// Prisma: can't reach the database server, server closed the connection.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1017"]);
// Prisma driver adapters' kinds for a server that cannot be reached.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|terminating connection due to administrator command|the database system is (starting up|shutting down)|Can't reach database server|Server has closed the connection|Client has encountered a connection error|Connection closed/i;

/**
 * Whether `error` (or anything in its cause chain: Prisma's adapter-pg wraps pg's errors as a
 * DriverAdapterError whose cause is the original) says Postgres is unreachable rather than that a
 * query is wrong. The one place this is decided; callers turn it into DatabaseUnavailableError (503).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof DatabaseUnavailableError || saysUnavailable(current)) return true;
    // DriverAdapterError keeps the driver's facts in `cause` (a plain object), Prisma's errors theirs in
    // `meta` (a raw query's SQLSTATE, the adapter's error), AggregateError its parts in `errors`.
    const { cause, meta, errors } = current as { cause?: unknown; meta?: unknown; errors?: unknown };
    const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
    pending.push(cause, meta, adapterError, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}

function saysUnavailable(error: object): boolean {
  const { code, originalCode, message, originalMessage, kind } = error as Record<string, unknown>;
  const codes = [code, originalCode].filter((value): value is string => typeof value === "string");
  if (codes.some((value) => NETWORK_CODES.has(value) || UNAVAILABLE_SQLSTATES.has(value))) return true;
  if (codes.some((value) => UNAVAILABLE_PRISMA_CODES.has(value))) return true;
  if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
  return [message, originalMessage].some(
    (text) => typeof text === "string" && UNAVAILABLE_MESSAGES.test(text),
  );
}

/** `error` as the 503 it means when Postgres is unreachable, else unchanged. */
export function asDatabaseUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) && !(error instanceof DatabaseUnavailableError)
    ? new DatabaseUnavailableError()
    : error;
}
