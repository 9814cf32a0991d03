import type { RateLimits } from "@stockroom/api";
import { RateLimitedError } from "@stockroom/api";
import type { FastifyInstance } from "fastify";
import helmet from "helmet";
import { isCrossSiteRequest } from "./csrf.ts";
import type { ErrorBody } from "./http-errors.ts";
import { sendDomainError } from "./http-errors.ts";

const UNMETERED = new Set(["/healthz", "/readyz", "/metrics"]);

/** The most procedure calls one tRPC request may batch; tRPC's own maxBatchSize is set to the same. */
export const MAX_TRPC_BATCH_SIZE = 20;
const TRPC_PREFIX = "/api/trpc/";

/**
 * How many procedure calls a request makes: the comma-separated procedure paths of a tRPC batch
 * (`?batch=1`, read as tRPC reads it, commas percent-encoded or not), else one.
 */
export function procedureCallsIn(url: string): number {
  if (!url.startsWith(TRPC_PREFIX)) return 1;
  const queryAt = url.indexOf("?");
  if (queryAt === -1 || new URLSearchParams(url.slice(queryAt + 1)).get("batch") !== "1") return 1;
  const path = url.slice(TRPC_PREFIX.length, queryAt);
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Fastify refuses a malformed path itself; count what is there.
  }
  return decoded.split(",").length;
}

export async function registerSecurity(
  app: FastifyInstance,
  options: { trustedOrigins: string[]; limits: RateLimits },
) {
  // Built once: @fastify/helmet rebuilt this middleware on every request (~9 % of a cached read's CPU).
  const securityHeaders = helmet({
    // JSON API: nothing here should ever be framed or run scripts; the docs page relaxes this itself.
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
  app.addHook("onRequest", (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
  );

  // Callback style: without rate limits (or before they are asked) a request costs no promise here.
  app.addHook("onRequest", (request, reply, done) => {
    const crossSite = isCrossSiteRequest(
      {
        method: request.method,
        origin: request.headers.origin,
        secFetchSite: headerValue(request.headers["sec-fetch-site"]),
        hasCookie: Boolean(request.headers.cookie),
      },
      options.trustedOrigins,
    );
    if (crossSite) {
      request.log.warn({ origin: request.headers.origin }, "cross-site request refused");
      reply.code(403).send({ error: "Cross-site request refused" } satisfies ErrorBody);
      return;
    }
    if (UNMETERED.has(request.url)) return done();
    // Each call of a batch counts against the per-IP budget; a batch over the cap spends one point
    // and is refused before any of it runs.
    const calls = procedureCallsIn(request.url);
    const oversized = calls > MAX_TRPC_BATCH_SIZE;
    const admit = () => {
      if (!oversized) return done();
      reply.code(400).send({
        error: `A tRPC batch may hold at most ${MAX_TRPC_BATCH_SIZE} calls; this one has ${calls}`,
        details: { maxBatchSize: MAX_TRPC_BATCH_SIZE, calls },
      } satisfies ErrorBody);
    };
    if (!options.limits.enabled) return admit();
    options.limits.consumeRequest(request.ip, oversized ? 1 : calls).then(admit, (error: unknown) => {
      if (error instanceof RateLimitedError) sendDomainError(reply, error);
      else done(error as Error);
    });
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
