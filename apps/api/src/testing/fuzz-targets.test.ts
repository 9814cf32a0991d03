import { describe, expect, it } from "vitest";
import {
  encodeComponent,
  type OpenApiDocument,
  restTargets,
  trpcTargets,
  WithSuperjsonMeta,
} from "./fuzz-targets.ts";

describe("tRPC targets", () => {
  const targets = new Map(trpcTargets().map((target) => [target.name, target]));

  it("send queries as GET with superjson's envelope in ?input=, and mutations as a POST body", () => {
    const list = targets.get("trpc product.list")!;
    expect(list.kind).toBe("query");
    expect(list.toRequest({ q: "a&b" })).toEqual({
      method: "GET",
      path: `/api/trpc/product.list?input=${encodeURIComponent('{"json":{"q":"a&b"}}')}`,
    });
    expect(list.toRequest(undefined)).toEqual({ method: "GET", path: "/api/trpc/product.list" });
    const add = targets.get("trpc cart.add")!;
    expect(add.kind).toBe("mutation");
    expect(add.toRequest({ quantity: 1 })).toMatchObject({ method: "POST", body: '{"json":{"quantity":1}}' });
  });

  it("send a forged superjson meta along when asked to", () => {
    const add = targets.get("trpc cart.add")!;
    expect(
      add.toRequest(new WithSuperjsonMeta({ quantity: "1" }, { values: { quantity: ["bigint"] } })).body,
    ).toBe('{"json":{"quantity":"1"},"meta":{"values":{"quantity":["bigint"]}}}');
  });

  it("carry the input's JSON Schema, or none for a procedure without input", () => {
    expect(targets.get("trpc cart.add")?.schema).toMatchObject({
      type: "object",
      properties: { variantId: { format: "uuid" }, productId: { format: "uuid" } },
    });
    expect(targets.get("trpc cart.get")?.schema).toBeUndefined();
  });
});

describe("REST targets", () => {
  const document: OpenApiDocument = {
    paths: {
      "/things/{id}": {
        get: {
          parameters: [
            { in: "path", name: "id", required: true, schema: { type: "string" } },
            { in: "query", name: "limit", schema: { type: "integer" } },
          ],
        },
        post: {
          parameters: [
            { in: "path", name: "id", required: true, schema: { type: "string" } },
            { in: "header", name: "idempotency-key", schema: { type: "string" } },
          ],
          requestBody: { content: { "application/json": { schema: { type: "object" } } } },
        },
      },
    },
  };
  const [get, post] = restTargets(document);

  it("put path parameters, query strings, headers and JSON bodies where the document says", () => {
    expect(get?.name).toBe("rest GET /things/{id}");
    expect(get?.toRequest({ path: { id: "a/b" }, query: { limit: 5 }, headers: {} })).toEqual({
      method: "GET",
      path: "/api/things/a%2Fb?limit=5",
      headers: {},
    });
    expect(
      post?.toRequest({
        path: { id: "x" },
        query: {},
        headers: { "idempotency-key": "k\u0000" },
        body: { a: 1 },
      }),
    ).toEqual({
      method: "POST",
      path: "/api/things/x",
      body: '{"a":1}',
      headers: { "idempotency-key": "k?", "content-type": "application/json" },
    });
  });

  it("send whatever a mutation made of the envelope: objects as JSON, arrays as repeated keys", () => {
    expect(get?.toRequest({ path: { id: { a: 1 } }, query: { limit: [1, 2] } }).path).toBe(
      `/api/things/${encodeURIComponent('{"a":1}')}?limit=1&limit=2`,
    );
    expect(get?.toRequest(42).path).toBe("/api/things/");
  });

  it("describe the input as one object of path, query, headers and body", () => {
    expect(post?.schema).toMatchObject({ required: ["path", "query", "headers", "body"] });
  });
});

describe("encodeComponent", () => {
  it("encodes like encodeURIComponent, and a lone surrogate as its WTF-8 bytes instead of throwing", () => {
    expect(encodeComponent("a b/ü")).toBe(encodeURIComponent("a b/ü"));
    expect(encodeComponent("x\ud800y")).toBe("x%ED%A0%80y");
  });
});
