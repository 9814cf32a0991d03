import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import type { RedisNearCache } from "../cache/near-cache.ts";
import type { Auth } from "./auth.ts";

/** What better-auth keeps in Redis under a session token. */
interface StoredSession {
  session: { userId: string; expiresAt: string; createdAt: string };
  user: { id: string; email: string; name: string; role?: unknown; active?: unknown };
}

interface CookieConfig {
  sessionToken: string;
  /** Cookies whose presence means better-auth has work to do on this request. */
  needsBetterAuth: string[];
  secret: Buffer;
  expiresInMs: number;
  updateAgeMs: number;
}

/**
 * Reads a signed-in session the way better-auth's getSession does, for the common case only: a
 * validly signed session cookie whose session is in Redis, unexpired, not revoked and not yet due for
 * its sliding refresh. The session and the user's revocation mark are read through the near cache,
 * which Redis keeps exact, so a repeat request costs no round trip and a sign-out, deactivation or
 * role change (each deletes the session in Redis) is seen on the next request. Every other case
 * answers `undefined`, and the caller asks better-auth itself.
 *
 * Written by hand for a measured reason: better-auth's request pipeline (WebCrypto HMAC, endpoint
 * context, two Redis reads) was about 16 % of the API's CPU per order (docs/benchmarks.md).
 */
export class SessionShortcut {
  private config: Promise<CookieConfig> | undefined;

  constructor(
    private readonly auth: Auth,
    private readonly near: RedisNearCache,
    private readonly keyPrefix: string,
  ) {}

  async read(cookieHeader: string): Promise<StoredSession["user"] | undefined> {
    if (!this.near.active) return undefined;
    this.config ??= this.loadConfig();
    const config = await this.config;
    const token = this.tokenOf(cookieHeader, config);
    if (!token) return undefined;

    const stored = await this.near.get(`${this.keyPrefix}${token}`);
    if (!stored) return undefined;
    const data = this.parse(token, stored);
    if (!data) return undefined;
    const now = Date.now();
    const expiresAt = new Date(data.session?.expiresAt).getTime();
    if (!(expiresAt > now) || expiresAt - config.expiresInMs + config.updateAgeMs <= now) return undefined;
    const revokedBefore = Number(
      await this.near.get(`${this.keyPrefix}revoked-sessions-before-${data.session.userId}`),
    );
    if (new Date(data.session.createdAt).getTime() < revokedBefore) return undefined;
    return data.user;
  }

  // A shopper sends the same cookie header on every request: its checks and HMAC (about 2 % of the
  // API's CPU per order, profiled) are remembered per header, and the session's JSON per stored text.
  // Both depend only on their key (and the fixed config), so remembering cannot change an answer.
  private readonly tokens = new Map<string, string | undefined>();
  private readonly sessions = new Map<string, { stored: string; data: StoredSession }>();

  private tokenOf(cookieHeader: string, config: CookieConfig): string | undefined {
    if (this.tokens.has(cookieHeader)) return this.tokens.get(cookieHeader);
    const token = signedSessionToken(cookieHeader, config);
    remember(this.tokens, cookieHeader, token);
    return token;
  }

  private parse(token: string, stored: string): StoredSession | undefined {
    const known = this.sessions.get(token);
    if (known?.stored === stored) return known.data;
    try {
      const data = JSON.parse(stored) as StoredSession;
      remember(this.sessions, token, { stored, data });
      return data;
    } catch {
      return undefined;
    }
  }

  private async loadConfig(): Promise<CookieConfig> {
    const context = await this.auth.$context;
    return {
      sessionToken: context.authCookies.sessionToken.name,
      needsBetterAuth: [context.authCookies.dontRememberToken.name, context.authCookies.sessionData.name],
      secret: Buffer.from(context.secret, "utf8"),
      expiresInMs: context.sessionConfig.expiresIn * 1000,
      updateAgeMs: context.sessionConfig.updateAge * 1000,
    };
  }
}

const REMEMBERED = 10_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= REMEMBERED) map.clear();
  map.set(key, value);
}

/** The session token of a header holding exactly one validly signed session cookie and nothing for better-auth. */
function signedSessionToken(cookieHeader: string, config: CookieConfig): string | undefined {
  const cookies = parseCookies(cookieHeader);
  const names = cookieNames(cookieHeader);
  if (config.needsBetterAuth.some((name) => cookies.has(name) || names.includes(name))) return undefined;
  // Two session cookies (or one spelled so that parsers disagree) are better-auth's to resolve.
  if (names.filter((name) => name === config.sessionToken).length !== 1) return undefined;
  return verifiedToken(cookies.get(config.sessionToken), config.secret);
}

/**
 * Every cookie name in the header as better-call reads them (its parser is what better-auth's
 * getSession and sign-out use: `;`-separated pairs, names trimmed, the first of a name wins), while
 * better-auth's `parseCookies` lets the last win and drops pairs it finds malformed. With exactly one
 * pair named like the session cookie, and that pair accepted by `parseCookies`, both read the same
 * value; anything else the shortcut leaves to better-auth.
 */
function cookieNames(header: string): string[] {
  return header
    .split(";")
    .filter((pair) => pair.includes("="))
    .map((pair) => pair.slice(0, pair.indexOf("=")).trim());
}

/** better-call's signed cookie: `<value>.<base64 HMAC-SHA256 of value>` (already URI-decoded here). */
function verifiedToken(value: string | undefined, secret: Buffer): string | undefined {
  if (!value) return undefined;
  const dot = value.lastIndexOf(".");
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const encoded = value.slice(dot + 1);
  if (encoded.length !== 44 || !encoded.endsWith("=")) return undefined;
  const signature = Buffer.from(encoded, "base64");
  const expected = createHmac("sha256", secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : undefined;
}
