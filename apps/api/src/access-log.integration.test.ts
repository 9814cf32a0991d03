import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./server.ts";
import { startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("access log", () => {
  it("writes one line per request with method, path, status, address, time and the request id", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const server = await buildServer({
      services: t.services,
      trustedOrigins: [WEB_ORIGIN],
      logger: pino(sink),
    });
    try {
      const found = await server.inject({
        method: "GET",
        url: "/healthz",
        headers: { "x-request-id": "req-1" },
      });
      const missing = await server.inject({ method: "GET", url: "/api/no-such-route?x=1" });
      expect([found.statusCode, missing.statusCode]).toEqual([200, 404]);
    } finally {
      await server.close();
    }
    const requests = lines.filter((line) => line.reqId !== undefined);
    expect(requests).toEqual([
      expect.objectContaining({
        level: 30,
        msg: "request",
        reqId: "req-1",
        method: "GET",
        url: "/healthz",
        statusCode: 200,
        ip: "127.0.0.1",
      }),
      expect.objectContaining({
        msg: "request",
        method: "GET",
        url: "/api/no-such-route?x=1",
        statusCode: 404,
      }),
    ]);
    expect(typeof requests[0]?.ms).toBe("number");
  });
});
