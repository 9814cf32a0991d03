import { expect, test } from "@playwright/test";

test("pages carry a content security policy and the usual security headers", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
});

test("one session cookie, set through the web app's /api proxy, serves the API on the same origin", async ({
  page,
  baseURL,
}) => {
  const email = `e2e-${Date.now()}@example.test`;
  const signUp = await page.request.post("/api/auth/sign-up/email", {
    data: { email, password: "e2e-password-123", name: "E2E Shopper" },
    headers: { origin: baseURL! },
  });
  expect(signUp.status()).toBe(200);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "stockroom.session_token");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const me = await page.request.get("/api/trpc/auth.me");
  expect(me.status()).toBe(200);
  expect(
    ((await me.json()) as { result: { data: { json: { email: string } } } }).result.data.json.email,
  ).toBe(email);

  const foreign = await page.request.post("/api/trpc/auth.updateProfile", {
    data: { json: { name: "Hijacked" } },
    headers: { origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);

  const signOut = await page.request.post("/api/auth/sign-out", { data: {}, headers: { origin: baseURL! } });
  expect(signOut.status()).toBe(200);
  expect((await page.request.get("/api/trpc/auth.me")).status()).toBe(401);
});

test("the demo admin signs in through the proxy and may list staff", async ({ page, baseURL }) => {
  const signIn = await page.request.post("/api/auth/sign-in/email", {
    data: { email: "admin@stockroom.dev", password: "stockroom-demo" },
    headers: { origin: baseURL! },
  });
  expect(signIn.status()).toBe(200);
  const staff = await page.request.get("/api/trpc/staff.list");
  expect(staff.status()).toBe(200);
  const emails = (
    (await staff.json()) as { result: { data: { json: { email: string }[] } } }
  ).result.data.json.map((u) => u.email);
  expect(emails).toEqual(expect.arrayContaining(["admin@stockroom.dev", "staff@stockroom.dev"]));
});
