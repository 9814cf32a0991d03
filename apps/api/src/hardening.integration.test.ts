import { createTestUser } from "@stockroom/api/testing";
import { createDb } from "@stockroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.ts";
import { HttpClient } from "./testing/http-client.ts";
import { createTestServices, startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

const PASSWORD = "the-right-password";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    beforeListen(app) {
      app.get("/api/test/boom", async () => {
        throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
      });
    },
  });
});
afterAll(() => t.close());

async function signedIn(origin: string | null = WEB_ORIGIN) {
  const admin = await createTestUser(t.db, { role: "ADMIN", password: PASSWORD });
  const client = new HttpClient(t.url);
  await client.signIn(admin.email, PASSWORD);
  return { admin, client: Object.assign(new HttpClient(t.url, { origin }), { cookies: client.cookies }) };
}

describe("CSRF", () => {
  it("refuses a cookie-carrying mutation from a foreign origin, and changes nothing", async () => {
    const { admin, client } = await signedIn("https://evil.example");
    const result = await client.mutation("auth.updateProfile", { name: "Pwned" });
    expect(result.status).toBe(403);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).name).not.toBe("Pwned");
  });

  it("refuses a classic cross-site form post", async () => {
    const { client } = await signedIn(null);
    const response = await client.request("POST", "/api/auth/sign-out", {
      headers: {
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
        "content-type": "application/x-www-form-urlencoded",
      },
    });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: "Cross-site request refused" });
  });

  it("accepts the same mutation from our own origin", async () => {
    const { client } = await signedIn(WEB_ORIGIN);
    const result = await client.mutation("auth.updateProfile", { name: "Renamed" });
    expect(result.status).toBe(200);
    expect(result.data).toMatchObject({ name: "Renamed" });
  });
});

describe("security headers", () => {
  it("sends helmet's headers and a strict content security policy", async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("error shape", () => {
  it("answers an unexpected REST error with a generic 500 and the request id, no internals", async () => {
    const response = await fetch(`${t.url}/api/test/boom`, { headers: { "x-request-id": "boom-1" } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "Internal server error", requestId: "boom-1" });
    expect(text).not.toMatch(/secret_table|SELECT|at .*\.ts/);
  });

  it("answers an unexpected tRPC error with a generic 500 and the request id, no internals", async () => {
    // A database that does not exist is a misconfiguration (3D000), not an outage: a 500, unlike an unreachable server.
    const deadDb = createDb("postgresql://postgres@127.0.0.1:5432/stockroom_no_such_database", {
      poolSize: 1,
    });
    const server = await buildServer({
      services: createTestServices(deadDb, t.testRedis.redis),
      trustedOrigins: [WEB_ORIGIN],
      logLevel: "silent",
    });
    try {
      const response = await server.inject({
        method: "GET",
        url: "/api/trpc/product.categories",
        headers: { "x-request-id": "boom-2" },
      });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toMatch(/prisma|ECONNREFUSED|stack|\.ts:/i);
      expect(response.json().error.json).toMatchObject({
        message: "Internal server error",
        data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, requestId: "boom-2" },
      });
    } finally {
      await server.close();
      await deadDb.$disconnect();
    }
  });

  it("answers bad input with 400 and the field issues", async () => {
    const { client } = await signedIn();
    const result = await client.mutation("auth.updateProfile", { name: "" });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({
      message: "Invalid request",
      data: { issues: [{ path: "name", message: "Enter a name" }] },
    });
  });

  it("answers 401 without a session, 403 for the wrong role, 404 for an unknown route", async () => {
    const anonymous = new HttpClient(t.url);
    expect((await anonymous.query("auth.me")).status).toBe(401);
    const customer = await createTestUser(t.db, { password: PASSWORD });
    const client = new HttpClient(t.url);
    await client.signIn(customer.email, PASSWORD);
    const forbidden = await client.query("staff.list");
    expect(forbidden.status).toBe(403);
    const missing = await anonymous.request("GET", "/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "Not found" });
  });
});
