import {
  type Context,
  createContextInner,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  resolveSession,
  type Services,
} from "@stockroom/api";
import { TRPCError } from "@trpc/server";
import type { FastifyReply, FastifyRequest } from "fastify";
import { catalogReadsOf } from "./catalog-response-cache.ts";
import { toWebHeaders } from "./web-request.ts";

export type ContextFactory = (
  req: FastifyRequest,
  res: FastifyReply,
  surface: "trpc" | "rest",
) => Promise<Context>;

/** One context per request, for tRPC and REST alike: the session from the cookie, the request id and IP. */
export function contextFactory(services: Services): ContextFactory {
  return async (req, res, surface) => {
    const headers = toWebHeaders(req);
    const { user, setCookies } = await resolveSession(services.auth, headers, services.sessionShortcut).catch(
      sessionLookupFailed,
    );
    if (setCookies.length > 0) res.header("set-cookie", setCookies);
    return createContextInner(services, {
      user,
      requestId: String(req.id),
      ip: req.ip,
      headers,
      surface,
      catalogReads: catalogReadsOf(req),
    });
  };
}

/** A session Redis no longer holds is looked up in Postgres; while that is unreachable, the request is a 503. */
function sessionLookupFailed(error: unknown): never {
  if (!isDatabaseUnavailable(error)) throw error;
  const cause = new DatabaseUnavailableError();
  throw new TRPCError({ code: cause.code, message: cause.message, cause });
}
