import { createDb, type Db } from "@stockroom/db";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../context.ts";
import { createTestRedis, createTestServices, TEST_WEB_ORIGIN, type TestRedis } from "../testing.ts";
import { AUTH_KEY_PREFIX } from "./auth.ts";
import { resolveSession } from "./session.ts";
import type { SessionShortcut } from "./session-shortcut.ts";

let name: string;
let db: Db;
let testRedis: TestRedis;
let services: Services;
let shortcut: SessionShortcut;

beforeAll(async () => {
  name = await cloneTemplateDatabase();
  db = createDb(databaseUrl(name), { poolSize: 4 });
  testRedis = await createTestRedis();
  services = createTestServices(db, testRedis.redis);
  shortcut = services.sessionShortcut!;
  expect(shortcut).toBeDefined();
});
afterAll(async () => {
  await db.$disconnect();
  await testRedis.cleanup();
  await dropDatabase(name);
});

/** Signs a new customer up through better-auth; returns the Cookie header a browser would send. */
async function signedUpCookie(email: string): Promise<{ cookie: string; token: string }> {
  const { headers } = await services.auth.api.signUpEmail({
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

async function storedSession(token: string): Promise<Record<string, Record<string, unknown>>> {
  return JSON.parse((await testRedis.redis.get(`${AUTH_KEY_PREFIX}${token}`))!);
}

describe("session shortcut", () => {
  it("answers a valid session itself, the same user better-auth would", async () => {
    const { cookie } = await signedUpCookie("quick@example.test");
    await expect.poll(() => shortcut.read(cookie)).toMatchObject({ email: "quick@example.test" });
    const headers = new Headers({ cookie });
    const viaShortcut = await resolveSession(services.auth, headers, shortcut);
    const viaBetterAuth = await resolveSession(services.auth, headers);
    expect(viaShortcut.user).toEqual(viaBetterAuth.user);
    expect(viaShortcut.user).toMatchObject({ email: "quick@example.test", role: "CUSTOMER" });
  });

  it("refuses a cookie whose signature does not match", async () => {
    const { cookie } = await signedUpCookie("forged@example.test");
    const [cookieName, value] = cookie.split("=") as [string, string];
    const [token] = decodeURIComponent(value).split(".");
    const forged = `${cookieName}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`;
    expect(await shortcut.read(forged)).toBeUndefined();
    expect((await resolveSession(services.auth, new Headers({ cookie: forged }), shortcut)).user).toBeNull();
  });

  it("sees a sign-out made anywhere (the session deleted in Redis) on the next read", async () => {
    const { cookie, token } = await signedUpCookie("gone@example.test");
    await expect.poll(() => shortcut.read(cookie)).toBeDefined();
    await testRedis.redis.del(`${AUTH_KEY_PREFIX}${token}`);
    await expect.poll(() => shortcut.read(cookie)).toBeUndefined();
  });

  it("leaves sessions due for their sliding refresh, and revoked ones, to better-auth", async () => {
    const { cookie, token } = await signedUpCookie("aging@example.test");
    const key = `${AUTH_KEY_PREFIX}${token}`;
    const stored = await storedSession(token);
    // Two days left of seven: older than the one-day update age, so better-auth must extend it.
    stored.session!.expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await testRedis.redis.set(key, JSON.stringify(stored), "KEEPTTL");
    await expect.poll(() => shortcut.read(cookie)).toBeUndefined();
    const refreshed = await resolveSession(services.auth, new Headers({ cookie }), shortcut);
    expect(refreshed.user).toMatchObject({ email: "aging@example.test" });
    expect(refreshed.setCookies.join()).toContain("session_token");

    const { cookie: other, token: otherToken } = await signedUpCookie("revoked@example.test");
    await expect.poll(() => shortcut.read(other)).toBeDefined();
    const { session } = await storedSession(otherToken);
    await testRedis.redis.set(
      `${AUTH_KEY_PREFIX}revoked-sessions-before-${session!.userId}`,
      String(Date.now() + 1000),
    );
    await expect.poll(() => shortcut.read(other)).toBeUndefined();
  });

  it("leaves requests carrying better-auth's other cookies to better-auth", async () => {
    const { cookie } = await signedUpCookie("remember@example.test");
    await expect.poll(() => shortcut.read(cookie)).toBeDefined();
    expect(await shortcut.read(`${cookie}; stockroom.dont_remember=x`)).toBeUndefined();
    expect(await shortcut.read(`${cookie}; stockroom.session_data=x`)).toBeUndefined();
  });
});
