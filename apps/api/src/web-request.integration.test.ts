import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** node:http, because fetch refuses to send a Host header that is not a valid host. */
function rawPost(path: string, headers: Record<string, string>, body: string) {
  const { port } = new URL(t.url);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path,
        headers: { ...headers, "content-length": body.length },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("a bad Host header on an auth route (issue 10, 4e)", () => {
  it.each(["[", "a b", "exa mple.com:99999", "%"])("Host %j is not a 500", async (host) => {
    const response = await rawPost(
      "/api/auth/sign-in/email",
      { host, origin: WEB_ORIGIN, "content-type": "application/json" },
      JSON.stringify({ email: "nobody@example.test", password: "not-the-password" }),
    );
    expect(response.status).toBe(401);
    expect(response.body).not.toMatch(/Invalid URL|stack/i);
  });
});
