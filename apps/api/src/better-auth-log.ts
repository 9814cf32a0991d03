import { type AuthLog, isDatabaseUnavailable } from "@stockroom/api";
import type { Logger } from "pino";

/**
 * better-auth's own lines, written by the process's logger as JSON at their level. An error that is only
 * Postgres being unreachable is a warning: the request answers 503 (auth-routes.ts) and recovers by itself.
 */
export function betterAuthLog(log: Logger): AuthLog {
  const auth = log.child({ component: "better-auth" });
  return (level, message, ...args) => {
    const err = args.find((arg) => arg instanceof Error);
    const details = args.filter((arg) => arg !== err);
    const fields = { ...(err ? { err } : {}), ...(details.length ? { details } : {}) };
    if (level === "error" && [message, ...args].some(saysDatabaseUnavailable))
      auth.warn(fields, `${message} (Postgres unreachable)`);
    else auth[level](fields, message);
  };
}

/** better-auth passes the error itself or only its text. */
function saysDatabaseUnavailable(value: unknown): boolean {
  return isDatabaseUnavailable(typeof value === "string" ? { message: value } : value);
}
