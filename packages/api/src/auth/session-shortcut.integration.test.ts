import { beforeAll, describe, expect, it } from "vitest";
import { RedisNearCache } from "../cache/near-cache.ts";
import { TEST_WEB_ORIGIN, useTestContext } from "../testing.ts";
import { AUTH_KEY_PREFIX } from "./auth.ts";
import { resolveSession } from "./session.ts";
import { SessionShortcut } from "./session-shortcut.ts";

const t = useTestContext({ redis: true });
let shortcut: SessionShortcut;

beforeAll(async () => {
  shortcut = t.services.sessionShortcut!;
  expect(shortcut).toBeDefined();
});

/** Signs a new customer up through better-auth; returns the Cookie header a browser would send. */
async function signedUpCookie(email: string): Promise<{ cookie: string; token: string }> {
  const { headers } = await t.services.auth.api.signUpEmail({
    body: { email, password: "shortcut-password-1", name: "Short Cut" },
    headers: new Headers({ origin: TEST_WEB_ORIGIN }),
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
  const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
  return { cookie, token };
}

function authHeaders(cookie: string): Headers {
  return new Headers({ cookie, origin: TEST_WEB_ORIGIN });
}

async function storedSession(token: string): Promise<Record<string, Record<string, unknown>>> {
  return JSON.parse((await t.redis.get(`${AUTH_KEY_PREFIX}${token}`))!);
}

describe("session shortcut", () => {
  it("answers a valid session itself, the same user better-auth would", async () => {
    const { cookie } = await signedUpCookie("quick@example.test");
    await expect.poll(() => shortcut.read(cookie)).toMatchObject({ email: "quick@example.test" });
    const headers = new Headers({ cookie });
    const viaShortcut = await resolveSession(t.services.auth, headers, shortcut);
    const viaBetterAuth = await resolveSession(t.services.auth, headers);
    expect(viaShortcut.user).toEqual(viaBetterAuth.user);
    expect(viaShortcut.user).toMatchObject({ email: "quick@example.test", role: "CUSTOMER" });
  });

  it("refuses a cookie whose signature does not match", async () => {
    const { cookie } = await signedUpCookie("forged@example.test");
    const [cookieName, value] = cookie.split("=") as [string, string];
    const [token] = decodeURIComponent(value).split(".");
    const forged = `${cookieName}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`;
    expect(await shortcut.read(forged)).toBeUndefined();
    expect(
      (await resolveSession(t.services.auth, new Headers({ cookie: forged }), shortcut)).user,
    ).toBeNull();
  });

  it("sees a sign-out made anywhere (the session deleted in Redis) on the next read", async () => {
    const { cookie, token } = await signedUpCookie("gone@example.test");
    await expect.poll(() => shortcut.read(cookie)).toBeDefined();
    await t.redis.del(`${AUTH_KEY_PREFIX}${token}`);
    await expect.poll(() => shortcut.read(cookie)).toBeUndefined();
  });

  it("leaves sessions due for their sliding refresh to better-auth", async () => {
    const { cookie, token } = await signedUpCookie("aging@example.test");
    const key = `${AUTH_KEY_PREFIX}${token}`;
    const stored = await storedSession(token);
    // Two days left of seven: older than the one-day update age, so better-auth must extend it.
    stored.session!.expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await t.redis.set(key, JSON.stringify(stored), "KEEPTTL");
    await expect.poll(() => shortcut.read(cookie)).toBeUndefined();
    const refreshed = await resolveSession(t.services.auth, new Headers({ cookie }), shortcut);
    expect(refreshed.user).toMatchObject({ email: "aging@example.test" });
    expect(refreshed.setCookies.join()).toContain("session_token");
  });

  it("sees a sign-out and a revocation made through better-auth's own calls", async () => {
    const signedOut = await signedUpCookie("signed-out@example.test");
    await expect.poll(() => shortcut.read(signedOut.cookie)).toBeDefined();
    await t.services.auth.api.signOut({ headers: authHeaders(signedOut.cookie) });
    await expect.poll(() => shortcut.read(signedOut.cookie)).toBeUndefined();

    const revoked = await signedUpCookie("revoke-one@example.test");
    await expect.poll(() => shortcut.read(revoked.cookie)).toBeDefined();
    await t.services.auth.api.revokeSession({
      headers: authHeaders(revoked.cookie),
      body: { token: revoked.token },
    });
    await expect.poll(() => shortcut.read(revoked.cookie)).toBeUndefined();
  });

  it("honours better-auth's revocation of all of a user's sessions even where a session is still in Redis", async () => {
    const revoked = await signedUpCookie("revoke-all@example.test");
    const control = await signedUpCookie("not-revoked@example.test");
    await expect.poll(() => shortcut.read(revoked.cookie)).toBeDefined();
    const key = `${AUTH_KEY_PREFIX}${revoked.token}`;
    const stored = (await t.redis.get(key))!;

    await t.services.auth.api.revokeSessions({ headers: authHeaders(revoked.cookie) });
    await expect.poll(() => shortcut.read(revoked.cookie)).toBeUndefined();

    // A delete Redis lost (a failover, or one still being retried) leaves the session behind; only
    // better-auth's own revocation mark, however it names it, says the session has ended.
    await t.redis.set(key, stored, "EX", 3600);
    const betterAuth = await t.services.auth.api.getSession({
      headers: new Headers({ cookie: revoked.cookie }),
    });
    expect(betterAuth).toBeNull();
    // A fresh shortcut holds no local copies, so nothing but that mark can make it refuse.
    const near = new RedisNearCache(t.redis, { connectionName: "revocation-test" });
    try {
      const fresh = new SessionShortcut(t.services.auth, near, AUTH_KEY_PREFIX);
      await expect
        .poll(() => fresh.read(control.cookie))
        .toMatchObject({ email: "not-revoked@example.test" });
      expect(await fresh.read(revoked.cookie)).toBeUndefined();
      expect(
        (await resolveSession(t.services.auth, new Headers({ cookie: revoked.cookie }), fresh)).user,
      ).toBeNull();
    } finally {
      near.close();
    }
  });

  it("leaves requests carrying better-auth's other cookies to better-auth", async () => {
    const { cookie } = await signedUpCookie("remember@example.test");
    await expect.poll(() => shortcut.read(cookie)).toBeDefined();
    expect(await shortcut.read(`${cookie}; stockroom.dont_remember=x`)).toBeUndefined();
    expect(await shortcut.read(`${cookie}; stockroom.session_data=x`)).toBeUndefined();
  });
});

describe("defect: duplicate session cookies resolve differently", () => {
  it("picks the same session as better-auth's own getSession for duplicate, encoded, quoted and malformed cookies", async () => {
    const a = await signedUpCookie("first-cookie@example.test");
    const b = await signedUpCookie("second-cookie@example.test");
    await expect.poll(() => shortcut.read(a.cookie)).toBeDefined();
    await expect.poll(() => shortcut.read(b.cookie)).toBeDefined();
    const [cookieName, encodedA] = a.cookie.split("=") as [string, string];
    const decodedA = decodeURIComponent(encodedA);

    const headers = [
      `${a.cookie}; ${b.cookie}`,
      `${b.cookie}; ${a.cookie}`,
      `${a.cookie}; ${a.cookie}`,
      `${cookieName}=${decodedA}; ${b.cookie}`,
      `${b.cookie}; ${cookieName}=${decodedA}`,
      `${cookieName}="${encodedA}"; ${b.cookie}`,
      `${cookieName}="${encodedA}; ${b.cookie}`,
      `${cookieName}=; ${b.cookie}`,
      `${cookieName}=not-a-signed-token; ${b.cookie}`,
      `${cookieName}=${encodedA}x; ${b.cookie}`,
      `other=1;${cookieName}=${encodedA};${b.cookie}`,
      `other=1;\t${cookieName}=${encodedA} ;  ${b.cookie}`,
      `${cookieName}=${encodedA}\u00a0; ${b.cookie}`,
      `\u00a0${cookieName}=${encodedA}; ${b.cookie}`,
      `${cookieName}=${encodedA}; ${cookieName.toUpperCase()}=${b.cookie.split("=")[1]}`,
    ];
    const answers = [];
    for (const cookie of headers) {
      const viaShortcut = await resolveSession(t.services.auth, new Headers({ cookie }), shortcut);
      const viaBetterAuth = await t.services.auth.api.getSession({ headers: new Headers({ cookie }) });
      answers.push({
        cookie,
        shortcut: viaShortcut.user?.email ?? null,
        betterAuth: viaBetterAuth?.user.email ?? null,
      });
    }
    expect(answers).toEqual(answers.map((answer) => ({ ...answer, shortcut: answer.betterAuth })));
    // better-auth takes the first of two session cookies; so must the shortcut.
    expect(answers[0]).toMatchObject({ shortcut: "first-cookie@example.test" });
    expect(answers[1]).toMatchObject({ shortcut: "second-cookie@example.test" });
  });

  it("still answers a single session cookie itself, encoded or not, among other cookies", async () => {
    const a = await signedUpCookie("single-cookie@example.test");
    await expect.poll(() => shortcut.read(a.cookie)).toBeDefined();
    const [cookieName, encodedA] = a.cookie.split("=") as [string, string];
    for (const cookie of [
      `theme=dark; ${a.cookie}`,
      `${a.cookie}; theme=dark`,
      `${cookieName}=${decodeURIComponent(encodedA)}`,
      `${cookieName}="${encodedA}"`,
    ]) {
      const viaBetterAuth = await t.services.auth.api.getSession({ headers: new Headers({ cookie }) });
      expect(viaBetterAuth?.user.email).toBe("single-cookie@example.test");
      expect(await shortcut.read(cookie)).toMatchObject({ email: "single-cookie@example.test" });
    }
  });
});
