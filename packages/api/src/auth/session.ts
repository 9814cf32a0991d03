import type { Role } from "@stockroom/db";
import type { Auth } from "./auth.ts";

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

/** Reads the session cookie from request headers; a missing, expired, revoked or deactivated session is anonymous. */
export async function resolveSession(auth: Auth, headers: Headers): Promise<ResolvedSession> {
  if (!headers.get("cookie")) return { user: null, setCookies: [] };
  const { headers: responseHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true });
  const setCookies = responseHeaders.getSetCookie();
  if (!response) return { user: null, setCookies };
  const { user } = response;
  const role = roles.find((candidate) => candidate === user.role);
  if (!role || user.active === false) return { user: null, setCookies };
  return { user: { id: user.id, email: user.email, name: user.name, role }, setCookies };
}
