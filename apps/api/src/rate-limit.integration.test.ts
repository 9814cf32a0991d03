import { createRedis, defaultRateLimitConfig, RateLimitedError, RateLimits } from "@stockroom/api";
import { createTestRedis, createTestUser, type TestRedis } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { rawRequest } from "./testing/raw-request.ts";
import { startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

const PASSWORD = "the-right-password";

describe("sign-in limits over HTTP", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      limits: {
        signInFailuresPerEmail: 3,
        signInFailuresPerIp: 100,
        signInBlockSeconds: 120,
        signUpsPerIp: 2,
        requestsPerIp: 100_000,
      },
    });
  });
  afterAll(() => t.close());

  it("answers 429 with Retry-After after the configured number of failed sign-ins, even for the right password", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const client = new HttpClient(t.url, { ip: "198.51.100.10" });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await client.signIn(user.email, "wrong-password")).status).toBe(401);
    }
    const blocked = await client.signIn(user.email, PASSWORD);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(100);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(blocked.body).toMatchObject({
      error: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds\.$/),
    });

    // Another email from the same IP is not affected by this email's block.
    const other = await createTestUser(t.db, { password: PASSWORD });
    expect((await client.signIn(other.email, PASSWORD)).status).toBe(200);
  });

  it("limits sign-ups per IP", async () => {
    const client = new HttpClient(t.url, { ip: "198.51.100.20" });
    expect((await client.signUp("one@example.test", PASSWORD)).status).toBe(200);
    expect(
      (await new HttpClient(t.url, { ip: "198.51.100.20" }).signUp("two@example.test", PASSWORD)).status,
    ).toBe(200);
    const third = await new HttpClient(t.url, { ip: "198.51.100.20" }).signUp("three@example.test", PASSWORD);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(
      (await new HttpClient(t.url, { ip: "198.51.100.21" }).signUp("four@example.test", PASSWORD)).status,
    ).toBe(200);
  });
});

describe("the per-IP API budget", () => {
  it("answers 429 with Retry-After once an IP spends its budget, for REST and tRPC alike; health checks are not metered", async () => {
    const t = await startTestApp({ limits: { requestsPerIp: 3 } });
    try {
      const client = new HttpClient(t.url, { ip: "198.51.100.30" });
      for (let i = 0; i < 3; i += 1) expect((await client.query("product.categories")).status).toBe(200);
      const limited = await client.query("product.categories");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await client.request("GET", "/api/auth/get-session")).status).toBe(429);
      expect((await client.request("GET", "/healthz")).status).toBe(200);
      expect((await new HttpClient(t.url, { ip: "198.51.100.31" }).query("product.categories")).status).toBe(
        200,
      );
    } finally {
      await t.close();
    }
  });
});

describe("RATE_LIMITS=off", () => {
  it("never limits", async () => {
    const t = await startTestApp({ limits: { enabled: false, signInFailuresPerEmail: 1, requestsPerIp: 1 } });
    try {
      const user = await createTestUser(t.db, { password: PASSWORD });
      const client = new HttpClient(t.url);
      for (let i = 0; i < 4; i += 1)
        expect((await client.signIn(user.email, "wrong-password")).status).toBe(401);
      expect((await client.signIn(user.email, PASSWORD)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe("growing block", () => {
  let testRedis: TestRedis;
  beforeAll(async () => {
    testRedis = await createTestRedis();
  });
  afterAll(() => testRedis.cleanup());

  it("doubles the block each time the same email exhausts its budget again from the same IP", async () => {
    const limits = new RateLimits(
      { ...defaultRateLimitConfig, signInFailuresPerEmail: 2, signInBlockSeconds: 100 },
      testRedis.redis,
    );
    const retryAfterNow = async () => {
      try {
        await limits.checkSignIn("victim@example.test", "203.0.113.1");
        return 0;
      } catch (error) {
        return (error as RateLimitedError).retryAfterSeconds;
      }
    };
    for (let i = 0; i < 2; i += 1) await limits.recordSignInFailure("victim@example.test", "203.0.113.1");
    const first = await retryAfterNow();
    expect(first).toBeGreaterThan(90);
    expect(first).toBeLessThanOrEqual(100);

    // The block ends (a success clears the counter); the next run of failures blocks twice as long.
    await limits.recordSignInSuccess("victim@example.test", "203.0.113.1");
    expect(await retryAfterNow()).toBe(0);
    for (let i = 0; i < 2; i += 1) await limits.recordSignInFailure("Victim@Example.test", "203.0.113.1");
    const second = await retryAfterNow();
    expect(second).toBeGreaterThan(190);
    expect(second).toBeLessThanOrEqual(200);
    // The block is of this email from this IP: the same email from another IP is not refused.
    await expect(limits.checkSignIn("victim@example.test", "203.0.113.2")).resolves.toBeUndefined();
  });
});

describe("when Redis is unreachable", () => {
  it("keeps limiting in memory and never fails a request", async () => {
    const deadRedis = createRedis("redis://127.0.0.1:1/0");
    try {
      const limits = new RateLimits({ ...defaultRateLimitConfig, requestsPerIp: 3 }, deadRedis);
      for (let i = 0; i < 3; i += 1) await limits.consumeRequest("203.0.113.9");
      await expect(limits.consumeRequest("203.0.113.9")).rejects.toBeInstanceOf(RateLimitedError);
    } finally {
      deadRedis.disconnect();
    }
  });

  it("still answers sign-in failures with 401 and then 429 over HTTP, never 500", async () => {
    const deadRedis = createRedis("redis://127.0.0.1:1/0");
    const t = await startTestApp({ redis: deadRedis, limits: { signInFailuresPerEmail: 2 } });
    try {
      const user = await createTestUser(t.db, { password: PASSWORD });
      const client = new HttpClient(t.url);
      expect((await client.signIn(user.email, "wrong-password")).status).toBe(401);
      expect((await client.signIn(user.email, "wrong-password")).status).toBe(401);
      expect((await client.signIn(user.email, PASSWORD)).status).toBe(429);
      const fresh = await createTestUser(t.db, { password: PASSWORD });
      const signedIn = new HttpClient(t.url);
      expect((await signedIn.signIn(fresh.email, PASSWORD)).status).toBe(200);
      expect((await signedIn.query("auth.me")).status).toBe(200);
    } finally {
      await t.close();
      deadRedis.disconnect();
    }
  });
});

describe("defect: sign-in and sign-up limits can be skipped with dot segments", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      limits: { signInFailuresPerEmail: 2, signInBlockSeconds: 600, signUpsPerIp: 1, requestsPerIp: 100_000 },
    });
  });
  afterAll(() => t.close());

  // Each is a path that URL parsing (what better-auth routes on) could turn into a canonical one.
  const variants = (route: string) => {
    const [first, second] = route.split("/").filter(Boolean) as [string, string];
    return [
      `/api/auth/%2e/${route}`,
      `/api/auth/%2E/${route}`,
      `/api/auth/./${route}`,
      `/api/auth/x/../${route}`,
      `/api/auth/x/%2e%2e/${route}`,
      `/api/auth/x/%2E%2E/${route}`,
      `/api/auth//${route}`,
      `/api/auth/${first}//${second}`,
      `/api/auth/${route}/`,
      `/api/auth/${route}/.`,
      `/api/auth/${route}/%2e`,
      `/api/auth/${first.toUpperCase()}/${second}`,
      `/api/auth/${first}/${second.toUpperCase()}`,
      `/api/auth/${first}%2f${second}`,
      `/api/auth/${first}%2F${second}`,
      `/api/auth/${first}\\${second}`,
      `/api/auth/${first}/%${second.charCodeAt(0).toString(16)}${second.slice(1)}`,
      `/api/auth/${route}#fragment`,
      `/api/auth/${route};x`,
    ];
  };

  it("refuses every non-canonical spelling of the sign-in path with 404, so a locked account stays locked", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const client = new HttpClient(t.url, { ip: "198.51.100.40" });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect((await client.signIn(user.email, "wrong-password")).status).toBe(401);
    }
    expect((await client.signIn(user.email, PASSWORD)).status).toBe(429);

    const answers = [];
    for (const path of variants("sign-in/email")) {
      const response = await rawRequest(t.url, {
        method: "POST",
        path,
        headers: { origin: WEB_ORIGIN, "x-forwarded-for": "198.51.100.40" },
        json: { email: user.email, password: PASSWORD },
      });
      answers.push({ path, status: response.status, cookie: response.headers["set-cookie"] });
    }
    expect(answers).toEqual(
      variants("sign-in/email").map((path) => ({ path, status: 404, cookie: undefined })),
    );
    // A query string does not change the path: still counted, still locked.
    const withQuery = await rawRequest(t.url, {
      method: "POST",
      path: "/api/auth/sign-in/email?x=1",
      headers: { origin: WEB_ORIGIN, "x-forwarded-for": "198.51.100.40" },
      json: { email: user.email, password: PASSWORD },
    });
    expect(withQuery.status).toBe(429);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses every non-canonical spelling of the sign-up path with 404, so the per-IP sign-up limit holds", async () => {
    expect(
      (await new HttpClient(t.url, { ip: "198.51.100.41" }).signUp("first@example.test", PASSWORD)).status,
    ).toBe(200);
    const answers = [];
    for (const [index, path] of variants("sign-up/email").entries()) {
      const response = await rawRequest(t.url, {
        method: "POST",
        path,
        headers: { origin: WEB_ORIGIN, "x-forwarded-for": "198.51.100.41" },
        json: { email: `variant-${index}@example.test`, password: PASSWORD, name: "Variant" },
      });
      answers.push({ path, status: response.status });
    }
    expect(answers).toEqual(variants("sign-up/email").map((path) => ({ path, status: 404 })));
    expect(await t.db.user.count({ where: { email: { startsWith: "variant-" } } })).toBe(0);
    const limited = await new HttpClient(t.url, { ip: "198.51.100.41" }).signUp(
      "second@example.test",
      PASSWORD,
    );
    expect(limited.status).toBe(429);
  });

  it("still serves the canonical auth routes", async () => {
    const response = await rawRequest(t.url, { path: "/api/auth/get-session" });
    expect(response.status).toBe(200);
  });
});

describe("defect: account lockout is a denial of service", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      limits: {
        signInFailuresPerEmail: 3,
        signInFailuresPerAccount: 8,
        signInFailuresPerIp: 100,
        signInBlockSeconds: 120,
        requestsPerIp: 100_000,
      },
    });
  });
  afterAll(() => t.close());

  /** A sign-in from its own loopback address: each address is another client. */
  const signInFrom = (address: string, email: string, password: string) =>
    rawRequest(t.url, {
      method: "POST",
      path: "/api/auth/sign-in/email",
      headers: { origin: WEB_ORIGIN },
      json: { email, password },
      localAddress: address,
    });

  it("blocks the attacker's address after its failures, while the owner signs in from another address", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signInFrom("127.0.0.2", user.email, "wrong-password")).status).toBe(401);
    }
    const attacker = await signInFrom("127.0.0.2", user.email, PASSWORD);
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers["retry-after"])).toBeGreaterThan(100);

    const owner = await signInFrom("127.0.0.3", user.email, PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.headers["set-cookie"]?.join()).toContain("session_token=");
    // The owner's success does not lift the attacker's block.
    expect((await signInFrom("127.0.0.2", user.email, PASSWORD)).status).toBe(429);
  });

  it("still blocks the account for everyone once failures from many addresses pass its ceiling", async () => {
    const user = await createTestUser(t.db, { password: PASSWORD });
    const attackers = ["127.0.0.10", "127.0.0.11", "127.0.0.12", "127.0.0.13"];
    for (const address of attackers) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        expect((await signInFrom(address, user.email, "wrong-password")).status).toBe(401);
      }
    }
    const owner = await signInFrom("127.0.0.14", user.email, PASSWORD);
    expect(owner.status).toBe(429);
    expect(Number(owner.headers["retry-after"])).toBeGreaterThan(0);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
