import { createTestUser } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SESSION_COOKIE = "stockroom.session_token";
const PASSWORD = "a-long-enough-password";

function tokenOf(client: HttpClient): string {
  const raw = decodeURIComponent(client.cookies.get(SESSION_COOKIE) ?? "");
  // The cookie value is "<token>.<signature>".
  return raw.split(".")[0]!;
}

async function redisHasSession(token: string): Promise<boolean> {
  return (await t.testRedis.redis.exists(`auth:${token}`)) === 1;
}

describe("sign-up, sign-in, sign-out", () => {
  it("signs up a customer, sets a safe session cookie and stores the session in Postgres and Redis", async () => {
    const client = new HttpClient(t.url);
    const response = await client.signUp("ada@example.test", PASSWORD, "Ada", { role: "ADMIN" });
    expect(response.status).toBe(200);

    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);

    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(user.role).toBe("CUSTOMER");

    const token = tokenOf(client);
    expect(await t.db.session.count({ where: { token, userId: user.id } })).toBe(1);
    expect(await redisHasSession(token)).toBe(true);

    const me = await client.query("auth.me");
    expect(me.data).toMatchObject({ email: "ada@example.test", role: "CUSTOMER" });
  });

  it("refuses a too-short password with a message that says what is needed", async () => {
    const response = await new HttpClient(t.url).signUp("short@example.test", "short", "Shorty");
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: "Password is too short: use at least 10 characters." });
    expect(await t.db.user.count({ where: { email: "short@example.test" } })).toBe(0);
  });

  it("issues a new session at every sign-in", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const first = new HttpClient(t.url);
    const second = new HttpClient(t.url);
    expect((await first.signIn(user.email, PASSWORD)).status).toBe(200);
    expect((await second.signIn(user.email, PASSWORD)).status).toBe(200);
    expect(tokenOf(first)).not.toBe(tokenOf(second));
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("answers a wrong password and an unknown email identically", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const wrongPassword = await new HttpClient(t.url).signIn(user.email, "not-the-password");
    const unknownEmail = await new HttpClient(t.url).signIn("nobody@example.test", "not-the-password");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it("keeps the session when Redis is flushed (it falls back to Postgres)", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const client = new HttpClient(t.url);
    await client.signIn(user.email, PASSWORD);
    expect(await redisHasSession(tokenOf(client))).toBe(true);

    const keys = await t.testRedis.redis.keys(`${t.testRedis.prefix}*`);
    const unprefixed = keys.map((key) => key.slice(t.testRedis.prefix.length));
    if (unprefixed.length > 0) await t.testRedis.redis.del(...unprefixed);
    expect(await redisHasSession(tokenOf(client))).toBe(false);

    const me = await client.query("auth.me");
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ id: user.id });
  });

  it("signs out: the session is gone from Postgres and Redis and the old cookie stops working", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const client = new HttpClient(t.url);
    await client.signIn(user.email, PASSWORD);
    const token = tokenOf(client);
    const cookie = client.cookieHeader;

    expect((await client.signOut()).status).toBe(200);
    expect(await t.db.session.count({ where: { token } })).toBe(0);
    expect(await redisHasSession(token)).toBe(false);

    const replay = new HttpClient(t.url);
    const me = await replay.request("GET", "/api/trpc/auth.me", { headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it("ends a deactivated account's sessions at once and refuses its sign-in", async () => {
    const admin = await createTestUser(t.db, { role: "ADMIN", password: PASSWORD });
    const victim = await createTestUser(t.db, { role: "STAFF", password: PASSWORD });
    const adminClient = new HttpClient(t.url);
    const victimClient = new HttpClient(t.url);
    await adminClient.signIn(admin.email, PASSWORD);
    await victimClient.signIn(victim.email, PASSWORD);
    const victimToken = tokenOf(victimClient);
    expect((await victimClient.query("auth.me")).status).toBe(200);

    const result = await adminClient.mutation("staff.setActive", { userId: victim.id, active: false });
    expect(result.status).toBe(200);

    expect((await victimClient.query("auth.me")).status).toBe(401);
    expect(await t.db.session.count({ where: { userId: victim.id } })).toBe(0);
    expect(await redisHasSession(victimToken)).toBe(false);
    const again = await new HttpClient(t.url).signIn(victim.email, PASSWORD);
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ message: "This account has been deactivated." });
  });
});

describe("cookies on an HTTPS origin (production)", () => {
  it("marks the session cookie Secure", async () => {
    const secure = await startTestApp({ webOrigin: "https://shop.example" });
    try {
      const client = new HttpClient(secure.url, { origin: "https://shop.example" });
      const response = await client.signUp("secure@example.test", PASSWORD);
      const cookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/HttpOnly/i);
    } finally {
      await secure.close();
    }
  });
});

describe("defect: sign-up name has no length limit", () => {
  it("refuses a sign-up whose name or email the profile schemas refuse, with 400 naming the field, and stores nothing", async () => {
    const cases = [
      { field: "name", email: "huge-name@example.test", name: "x".repeat(1_000_000) },
      { field: "name", email: "long-name@example.test", name: "x".repeat(101) },
      { field: "name", email: "blank-name@example.test", name: "   " },
      { field: "email", email: `${"a".repeat(250)}@example.test`, name: "Long Email" },
      {
        field: "image",
        email: "huge-image@example.test",
        name: "Image",
        image: `https://x.test/${"a".repeat(5000)}`,
      },
    ];
    for (const { field, email, name, image } of cases) {
      const response = await new HttpClient(t.url).signUp(email, PASSWORD, name, image ? { image } : {});
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body).toMatchObject({ message: expect.stringMatching(new RegExp(`^${field}: `)) });
      expect(response.headers.getSetCookie()).toEqual([]);
      expect(await t.db.user.count({ where: { email: email.toLowerCase() } })).toBe(0);
    }
  });

  it("stores the name trimmed, as auth.updateProfile does", async () => {
    const client = new HttpClient(t.url);
    expect((await client.signUp("trimmed@example.test", PASSWORD, "  Grace Hopper  ")).status).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "trimmed@example.test" } });
    expect(user.name).toBe("Grace Hopper");
  });

  it("refuses the same names through better-auth's own update-user route", async () => {
    const client = new HttpClient(t.url);
    await client.signUp("renamer@example.test", PASSWORD, "Renamer");
    const response = await client.request("POST", "/api/auth/update-user", {
      json: { name: "x".repeat(1_000_000) },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: expect.stringMatching(/^name: /) });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "renamer@example.test" } });
    expect(user.name).toBe("Renamer");
  });
});

describe("defect: duplicate session cookies resolve differently", () => {
  it("acts as the session sign-out ends when a request carries two session cookies", async () => {
    const first = await createTestUser(t.db, { password: PASSWORD });
    const second = await createTestUser(t.db, { password: PASSWORD });
    const firstClient = new HttpClient(t.url);
    const secondClient = new HttpClient(t.url);
    await firstClient.signIn(first.email, PASSWORD);
    await secondClient.signIn(second.email, PASSWORD);
    const both = `${firstClient.cookieHeader}; ${secondClient.cookieHeader}`;
    const withBoth = new HttpClient(t.url);
    const asBoth = () => withBoth.request("GET", "/api/trpc/auth.me", { headers: { cookie: both } });
    // Warm the shortcut's copies so it, not better-auth, would answer if it could.
    expect((await firstClient.query("auth.me")).status).toBe(200);
    expect((await secondClient.query("auth.me")).status).toBe(200);

    expect(JSON.stringify((await asBoth()).body)).toContain(first.email);
    expect(
      (await withBoth.request("POST", "/api/auth/sign-out", { json: {}, headers: { cookie: both } })).status,
    ).toBe(200);
    expect(await t.db.session.count({ where: { userId: first.id } })).toBe(0);
    expect((await asBoth()).status).toBe(401);
    expect((await secondClient.query("auth.me")).data).toMatchObject({ id: second.id });
  });
});
