import { createRedis, defaultRateLimitConfig, RateLimitedError, RateLimits } from "@stockroom/api";
import { createTestRedis, createTestUser, type TestRedis } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

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

  it("doubles the block each time the same email exhausts its budget again", async () => {
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
    await limits.recordSignInSuccess("victim@example.test");
    expect(await retryAfterNow()).toBe(0);
    for (let i = 0; i < 2; i += 1) await limits.recordSignInFailure("Victim@Example.test", "203.0.113.2");
    const second = await retryAfterNow();
    expect(second).toBeGreaterThan(190);
    expect(second).toBeLessThanOrEqual(200);
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
