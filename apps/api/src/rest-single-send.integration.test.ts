import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// trpc-to-openapi's Fastify route is an async handler that sends through reply.send and resolves with
// undefined; while the async onSend hooks of that first send were still running, Fastify took the
// undefined for "nothing sent yet" and sent again, so every REST answer logged ERR_HTTP_HEADERS_SENT
// (and its request was logged as a 500) although the client got the right answer.

let t: TestApp;
const sends = new Map<string, number>();

beforeAll(async () => {
  t = await startTestApp({
    beforeListen(app) {
      app.addHook("onSend", async (request, _reply, payload) => {
        sends.set(String(request.id), (sends.get(String(request.id)) ?? 0) + 1);
        return payload;
      });
    },
  });
});
afterAll(() => t.close());

describe("a REST answer is sent once", () => {
  it("for a read, a refusal and a create", async () => {
    const { client: staff } = await signedInAs(t, "STAFF");
    const anonymous = new HttpClient(t.url);
    const answers = [
      await anonymous.request("GET", "/api/products?limit=2"),
      await anonymous.request("GET", "/api/products/00000000-0000-0000-0000-000000000000"),
      await anonymous.request("GET", "/api/products?cursor=zz"),
      await staff.request("POST", "/api/products", { json: { name: "Sent Once", price: 5 } }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 400, 201]);
    for (const answer of answers) {
      expect(sends.get(answer.headers.get("x-request-id") ?? "")).toBe(1);
    }
  });
});
