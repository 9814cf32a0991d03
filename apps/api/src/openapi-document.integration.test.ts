import { createOpenApiDocument } from "@stockroom/api";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { OpenApiResponseValidator } from "./testing/openapi-response-validator.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

// The OpenAPI document must describe exactly what the REST routes answer (issue 11).

type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: { name: string; in: string; example?: unknown; schema: object }[];
  requestBody?: { content: Record<string, { schema: object; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};

const document = createOpenApiDocument("/api");
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    path,
    method,
    operation,
  })),
);
const byId = (id: string) => {
  const found = operations.find((entry) => entry.operation.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found.operation;
};

describe("OpenAPI document", () => {
  it("documents a create that answers 201 as 201, not 200", () => {
    for (const id of ["createOrder", "createProduct"]) {
      expect(Object.keys(byId(id).responses)).toContain("201");
      expect(Object.keys(byId(id).responses)).not.toContain("200");
    }
    expect(Object.keys(byId("cancelOrder").responses)).toContain("200");
  });

  it("documents public routes without a security requirement, and the others with the session cookie", () => {
    expect(byId("listProducts").security).toEqual([]);
    expect(byId("productById").security).toEqual([]);
    for (const id of [
      "createOrder",
      "orderById",
      "cancelOrder",
      "userOrders",
      "createProduct",
      "updateVariants",
      "adjustInventory",
    ])
      expect(byId(id).security).toEqual([{ sessionCookie: [] }]);
    expect(document.components?.securitySchemes?.sessionCookie).toMatchObject({
      type: "apiKey",
      in: "cookie",
    });
  });

  it("documents every operation's errors with the one shared error schema", () => {
    for (const { operation } of operations) {
      const errors = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.map(([status]) => status)).toEqual(expect.arrayContaining(["400", "429", "500"]));
      for (const [, response] of errors)
        expect(response.content?.["application/json"]?.schema).toEqual({
          $ref: "#/components/schemas/Error",
        });
    }
    expect(Object.keys(byId("orderById").responses)).toEqual(expect.arrayContaining(["401", "404"]));
    expect(Object.keys(byId("createProduct").responses)).toEqual(
      expect.arrayContaining(["401", "403", "409"]),
    );
    expect(Object.keys(byId("listProducts").responses)).not.toContain("401");
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(["Error"]);
  });

  it("gives every request body and parameter an example that its own schema accepts", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const { path, method, operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        expect(parameter.example, `${method} ${path} ${parameter.in} ${parameter.name}`).toBeDefined();
        // Query and path values travel as text; the schema sees the parsed value, as the server does.
        expect(ajv.validate(parameter.schema, parameter.example), `${method} ${path} ${parameter.name}`).toBe(
          true,
        );
      }
      const json = operation.requestBody?.content["application/json"];
      if (!json) continue;
      expect(json.example, `${method} ${path} body`).toBeDefined();
      expect(ajv.validate(json.schema, json.example), `${method} ${path}: ${ajv.errorsText()}`).toBe(true);
    }
  });

  it("gives every operation its own operationId", () => {
    const ids = operations.map((entry) => entry.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("response validation against the document", () => {
  const validator = new OpenApiResponseValidator(document);
  const check = (status: number, body: unknown, url = "/api/products/abc") =>
    validator.check({
      method: "GET",
      url,
      status,
      contentType: "application/json",
      body: JSON.stringify(body),
    });

  it("accepts a documented status with a matching body", () => {
    expect(check(404, { error: "Product not found", details: { productId: "abc" } })).toBeNull();
  });

  it("reports a status the operation does not document", () => {
    expect(check(409, { error: "Conflict" })).toMatch(/answered 409: status not documented/);
  });

  it("reports a body that does not match the documented schema", () => {
    expect(check(404, { message: "Not found", code: "NOT_FOUND" })).toMatch(/does not match the document/);
    expect(check(200, { id: 1 })).toMatch(/does not match the document/);
  });

  it("leaves tRPC, auth, the docs and undocumented paths alone", () => {
    for (const url of ["/api/trpc/product.list", "/api/auth/get-session", "/api/docs/x", "/api/nope"])
      expect(check(418, "teapot", url)).toBeNull();
  });
});

describe("the test server checks its REST responses", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("serves the corrected document and checks each REST answer against it", async () => {
    const client = new HttpClient(app.url);
    const served = await client.request("GET", "/api/openapi.json");
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
    const before = app.restResponses.checked;
    expect((await client.request("GET", "/api/products")).status).toBe(200);
    // The second is answered from the response cache, before any route handler.
    expect((await client.request("GET", "/api/products")).status).toBe(200);
    expect((await client.request("GET", "/api/products/not-an-id")).status).toBe(404);
    expect((await client.request("POST", "/api/products", { json: { name: "x", price: 1 } })).status).toBe(
      401,
    );
    expect(app.restResponses.checked).toBe(before + 4);
    expect(app.restResponses.problems).toEqual([]);
  });
});
