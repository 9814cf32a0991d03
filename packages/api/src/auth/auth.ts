import type { Db } from "@stockroom/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import type { Redis } from "ioredis";
import { PASSWORD_MIN_LENGTH } from "../schemas/account.ts";
import { createResilientSessionStorage } from "./resilient-storage.ts";
import { validatedUserFields } from "./user-fields.ts";

export const SESSION_COOKIE_PREFIX = "stockroom";
/** Where better-auth's sessions live in Redis (before the client's own keyPrefix). */
export const AUTH_KEY_PREFIX = "auth:";

export interface AuthOptions {
  db: Db;
  /** Sessions are mirrored here; without Redis (single-process development mode) they live in Postgres only. */
  redis?: Redis;
  redisKeyPrefix?: string;
  secret: string;
  /** The public origin the browser uses (the web app), e.g. http://localhost:3000. */
  baseURL: string;
  trustedOrigins: string[];
  secureCookies: boolean;
  onStorageError?: (error: unknown) => void;
  /** Silence better-auth's own logger (tests). */
  quiet?: boolean;
  /** Where better-auth's own lines go (the process's logger); unset, it prints its own format to the console. */
  log?: AuthLog;
}

export type AuthLog = (
  level: "debug" | "info" | "warn" | "error",
  message: string,
  ...args: unknown[]
) => void;

export function createAuth(options: AuthOptions) {
  const { db } = options;
  return betterAuth({
    appName: "Stockroom",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    trustedOrigins: options.trustedOrigins,
    database: prismaAdapter(db, { provider: "postgresql" }),
    secondaryStorage: options.redis
      ? createResilientSessionStorage(
          options.redis,
          options.redisKeyPrefix ?? AUTH_KEY_PREFIX,
          options.onStorageError ?? (() => {}),
        )
      : undefined,
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    session: {
      // Also in Postgres, so a Redis restart (it keeps nothing on disk) signs nobody out.
      storeSessionInDatabase: true,
      expiresIn: 60 * 60 * 24 * 7,
      // Sliding expiry: a session used after a day is extended by another week.
      updateAge: 60 * 60 * 24,
      // No cookie cache: a sign-out or deactivation must take effect on the very next request.
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "CUSTOMER", returned: true },
        active: { type: "boolean", input: false, defaultValue: true, returned: true },
      },
    },
    // Our own limiter (rate-limiter-flexible) covers the auth routes with per-email and per-IP budgets.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: options.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: options.secureCookies },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    databaseHooks: {
      // Every user row better-auth writes (sign-up, update-user) meets the profile schemas.
      user: {
        create: { before: async (user) => ({ data: validatedUserFields(user) }) },
        update: { before: async (user) => ({ data: validatedUserFields(user) }) },
      },
      session: {
        create: {
          async before(session) {
            const user = await db.user.findUnique({
              where: { id: session.userId },
              select: { active: true },
            });
            if (!user?.active)
              throw new APIError("FORBIDDEN", { message: "This account has been deactivated." });
          },
        },
      },
    },
    logger: { disabled: options.quiet ?? false, ...(options.log ? { log: options.log } : {}) },
  });
}

export type Auth = ReturnType<typeof createAuth>;
