import type { Role } from "@stockroom/db";
import type { Auth } from "./auth.ts";
import type { SessionShortcut } from "./session-shortcut.ts";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ResolvedSession {
  user: SessionUser | null;
  /** Set-Cookie headers to pass on (sliding expiry refreshes the cookie). */
  setCookies: string[];
}

const roles: readonly Role[] = ["CUSTOMER", "STAFF", "ADMIN"];

/**
 * Reads the session cookie from request headers; a missing, expired, revoked or deactivated session is
 * anonymous. The common case is answered by `shortcut` when given; anything else by better-auth.
 */
export async function resolveSession(
  auth: Auth,
  headers: Headers,
  shortcut?: SessionShortcut,
): Promise<ResolvedSession> {
  const cookie = headers.get("cookie");
  if (!cookie) return { user: null, setCookies: [] };
  const quick = await shortcut?.read(cookie);
  if (quick) return { user: toSessionUser(quick), setCookies: [] };
  const { headers: responseHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true });
  const setCookies = responseHeaders.getSetCookie();
  return { user: response ? toSessionUser(response.user) : null, setCookies };
}

function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  role?: unknown;
  active?: unknown;
}): SessionUser | null {
  const role = roles.find((candidate) => candidate === user.role);
  if (!role || user.active === false) return null;
  return { id: user.id, email: user.email, name: user.name, role };
}
