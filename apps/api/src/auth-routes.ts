import { DatabaseUnavailableError, type Services } from "@stockroom/api";
import { PASSWORD_MIN_LENGTH } from "@stockroom/api/schemas";
import type { Db } from "@stockroom/db";
import type { FastifyInstance } from "fastify";
import { toWebRequest } from "./web-request.ts";

/**
 * better-auth's standard routes under /api/auth/*, with our rate limits around sign-in (failures per
 * email and IP with a growing block, per account, per IP) and sign-up (per IP). Only canonical paths
 * reach better-auth, so the limits see every sign-in and sign-up it serves.
 */
export async function registerAuthRoutes(
  app: FastifyInstance,
  { auth, limits, db }: Pick<Services, "auth" | "limits" | "db">,
) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    async handler(request, reply) {
      const path = canonicalAuthPath(request.url);
      if (path === undefined) return reply.callNotFound();
      const isSignIn = request.method === "POST" && path === "/sign-in/email";
      const email = isSignIn ? emailOf(request.body) : undefined;
      if (isSignIn && email) await limits.checkSignIn(email, request.ip);
      if (request.method === "POST" && path === "/sign-up/email") await limits.consumeSignUp(request.ip);

      const response = await auth.handler(toWebRequest(request));
      // better-auth answers a failed query with a bare 500 of its own; when Postgres is not answering,
      // that is the outage's 503 (the error handler adds Retry-After).
      if (response.status >= 500 && !(await postgresAnswers(db))) throw new DatabaseUnavailableError();

      if (isSignIn && email) {
        if (response.ok) await limits.recordSignInSuccess(email, request.ip);
        else if (response.status === 401) await limits.recordSignInFailure(email, request.ip);
      }
      reply.code(response.status);
      for (const [name, value] of response.headers) {
        if (name !== "set-cookie" && name !== "content-length") reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header("set-cookie", cookies);
      const text = await response.text();
      return reply.send(text.length > 0 ? clarify(text) : null);
    },
  });
}

/** Whether Postgres answers a trivial query within a second. */
async function postgresAnswers(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 1_000);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

const AUTH_PREFIX = "/api/auth";
/** better-auth's own routes: lower-case words joined by dashes, one slash between segments. */
const CANONICAL_AUTH_PATH = /^(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

/**
 * The path under /api/auth when the request names it canonically, otherwise undefined. better-auth
 * routes on `new URL(...)`, which resolves dot segments (also encoded ones), backslashes and
 * fragments, so a path the limits compare as text could reach sign-in without being counted:
 * anything but the one spelling better-auth would route to itself is refused.
 */
function canonicalAuthPath(url: string): string | undefined {
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!pathname.startsWith(`${AUTH_PREFIX}/`)) return undefined;
  const path = pathname.slice(AUTH_PREFIX.length);
  return CANONICAL_AUTH_PATH.test(path) ? path : undefined;
}

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.length > 0 ? email : undefined;
}

/** Replaces better-auth's terse messages with ones a shopper can act on. */
function clarify(text: string): string {
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    if (body.code === "PASSWORD_TOO_SHORT") {
      body.message = `Password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`;
    }
    return JSON.stringify(body);
  } catch {
    return text;
  }
}
