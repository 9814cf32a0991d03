import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createOpenApiDocument } from "@stockroom/api";
import { createTestProduct, createTestUser } from "@stockroom/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { startTestApp, type TestApp, WEB_ORIGIN } from "./testing/test-app.ts";

// Third-party tools judge the OpenAPI document (issue 11): Redocly's linter, and a contract test that
// Portman generates from the document (a Postman collection checking each operation's status,
// content type and response schema), run by Newman against a seeded test server. Portman sends the
// document's own examples; only the session cookie, the Origin and the ids the server makes are
// filled in.

const execFileAsync = promisify(execFile);
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(appDir, "node_modules", ".bin", name);
// No network here: telemetry and update checks off.
const toolEnv = {
  ...process.env,
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
  NO_UPDATE_NOTIFIER: "1",
};
const TOOL_TIMEOUT_MS = 120_000;

const document = createOpenApiDocument("/api");
/** The variant the document's order example buys (and its adjustment example restocks). */
function exampleVariantId(): string {
  const body = document.paths?.["/orders"]?.post?.requestBody as
    | { content: Record<string, { example?: { items?: { variantId?: string }[] } }> }
    | undefined;
  const id = body?.content["application/json"]?.example?.items?.[0]?.variantId;
  if (!id) throw new Error("the document's order example names no variant");
  return id;
}

/** The product the document's examples read, and the SKU its variant lookup asks for. */
function exampleParameter(path: string, name: string): string {
  const parameters = (document.paths?.[path]?.get?.parameters ?? []) as { name: string; example?: unknown }[];
  const value = parameters.find((parameter) => parameter.name === name)?.example;
  if (typeof value !== "string") throw new Error(`the document's ${path} example has no ${name}`);
  return value;
}

const errorContract = [
  { statusCode: { enabled: true } },
  { contentType: { enabled: true } },
  { jsonBody: { enabled: true } },
  { schemaValidation: { enabled: true } },
];
function refusal(openApiOperation: string, name: string, openApiResponse: string, overwrite: object) {
  return {
    openApiOperation,
    variations: [{ name, openApiResponse, overwrites: [overwrite], tests: { contractTests: errorContract } }],
  };
}

let t: TestApp;
let work: string;
let documentFile: string;

beforeAll(async () => {
  t = await startTestApp();
  work = await mkdtemp(path.join(tmpdir(), "stockroom-contract-"));
  documentFile = path.join(work, "openapi.json");
  await writeFile(documentFile, JSON.stringify(createOpenApiDocument(`${t.url}/api`), null, 2));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await t?.close();
});

describe("the OpenAPI document, judged by third-party tools", () => {
  it("passes redocly lint with no errors and no warnings", async () => {
    const { stdout, stderr } = await execFileAsync(
      bin("redocly"),
      ["lint", documentFile, "--config", path.join(appDir, "redocly.yaml"), "--format", "json"],
      { env: toolEnv, cwd: work, timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
    });
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: unknown[];
    };
    expect(report.problems, stderr).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("passes the contract test Portman generates from it, run by Newman against a seeded server", async () => {
    // Seed: a staff account (the only role every operation accepts) and the product the examples name.
    const staff = await createTestUser(t.db, { role: "STAFF", password: "contract-password-1" });
    const client = new HttpClient(t.url);
    expect((await client.signIn(staff.email, "contract-password-1")).status).toBe(200);
    await createTestProduct(t.db, {
      id: exampleParameter("/products/{id}", "id"),
      variantId: exampleVariantId(),
      sku: exampleParameter("/variants", "sku"),
      slug: "contract-test-mug",
      name: "Contract Test Mug",
      priceCents: 1250,
      stock: 50,
    });
    // The quote example ships to the US: a zone serves it (the zone examples are Canada's).
    const usZone = await client.request("POST", "/api/shipping-zones", {
      json: {
        name: "Contract US",
        regions: [{ country: "US" }],
        methods: [{ name: "Standard", kind: "flat", price: 5 }],
      },
    });
    expect(usZone.status).toBe(201);

    const portmanConfig = {
      version: 1.0,
      tests: {
        contractTests: [
          { openApiOperation: "*::/*", statusSuccess: { enabled: true } },
          { openApiOperation: "*::/*", contentType: { enabled: true } },
          { openApiOperation: "*::/*", jsonBody: { enabled: true } },
          { openApiOperation: "*::/*", schemaValidation: { enabled: true } },
        ],
        // Refusals too: each answers its documented status with the documented error body.
        variationTests: [
          refusal("GET::/orders/{id}", "Signed out", "401", {
            overwriteRequestHeaders: [{ key: "Cookie", value: "stockroom.session_token=forged" }],
          }),
          refusal("GET::/products/{id}", "Unknown product", "404", {
            overwriteRequestPathVariables: [{ key: "id", value: "00000000-0000-4000-8000-000000000000" }],
          }),
          refusal("POST::/products", "Negative price", "400", {
            overwriteRequestBody: [{ key: "price", value: -1 }],
          }),
          refusal("POST::/inventory/{variantId}/adjustments", "Below zero", "409", {
            overwriteRequestBody: [{ key: "delta", value: -1_000_000 }],
          }),
        ],
      },
      // The order's id and owner are the server's: take them from the answer of "Place an order".
      assignVariables: [
        {
          openApiOperationId: "createOrder",
          collectionVariables: [
            { responseBodyProp: "id", name: "orderId" },
            { responseBodyProp: "userId", name: "userId" },
          ],
        },
        // Shipping zones, methods and tax rates: the ids the server made (issue 15).
        {
          openApiOperationId: "createShippingZone",
          collectionVariables: [{ responseBodyProp: "id", name: "shippingZoneId" }],
        },
        {
          openApiOperationId: "createShippingMethod",
          collectionVariables: [{ responseBodyProp: "id", name: "shippingMethodId" }],
        },
        {
          openApiOperationId: "upsertTaxRate",
          collectionVariables: [{ responseBodyProp: "id", name: "taxRateId" }],
        },
      ],
      overwrites: [
        {
          openApiOperation: "*::/*",
          overwriteRequestHeaders: [
            { key: "Cookie", value: client.cookieHeader, insert: true },
            { key: "Origin", value: WEB_ORIGIN, insert: true },
          ],
        },
        {
          openApiOperationIds: ["orderById", "cancelOrder"],
          overwriteRequestPathVariables: [{ key: "id", value: "{{orderId}}" }],
        },
        {
          openApiOperationId: "userOrders",
          overwriteRequestPathVariables: [{ key: "id", value: "{{userId}}" }],
        },
        {
          openApiOperationIds: ["updateShippingZone", "deleteShippingZone", "createShippingMethod"],
          overwriteRequestPathVariables: [{ key: "id", value: "{{shippingZoneId}}" }],
        },
        {
          openApiOperationIds: ["updateShippingMethod", "deleteShippingMethod"],
          overwriteRequestPathVariables: [{ key: "id", value: "{{shippingMethodId}}" }],
        },
        {
          openApiOperationId: "deleteTaxRate",
          overwriteRequestPathVariables: [{ key: "id", value: "{{taxRateId}}" }],
        },
      ],
      globals: {
        securityOverwrites: { remove: true },
        orderOfFolders: ["products", "inventory", "orders"],
        orderOfOperations: [
          "GET::/products",
          "GET::/products/{id}",
          "POST::/products",
          "POST::/orders",
          "GET::/orders/{id}",
          "GET::/users/{id}/orders",
          "PATCH::/orders/{id}/cancel",
          "POST::/shipping-zones",
          "GET::/shipping-zones",
          "PATCH::/shipping-zones/{id}",
          "POST::/shipping-zones/{id}/methods",
          "PATCH::/shipping-methods/{id}",
          "DELETE::/shipping-methods/{id}",
          "DELETE::/shipping-zones/{id}",
          "PUT::/tax-rates",
          "GET::/tax-rates",
          "DELETE::/tax-rates/{id}",
          "PATCH::/shop-settings",
          "GET::/shop-settings",
          "POST::/promotions",
          "GET::/promotions",
          "GET::/promotions/{code}",
          "PATCH::/promotions/{code}",
          "POST::/checkout/quote",
        ],
      },
    };
    const postmanConfig = {
      folderStrategy: "Tags",
      parametersResolution: "Example",
      requestParametersResolution: "Example",
      exampleParametersResolution: "Example",
      keepImplicitHeaders: true,
      enableOptionalParameters: false,
    };
    const portmanConfigFile = path.join(work, "portman-config.json");
    const postmanConfigFile = path.join(work, "postman-config.json");
    const collectionFile = path.join(work, "collection.json");
    const reportFile = path.join(work, "newman-report.json");
    await writeFile(portmanConfigFile, JSON.stringify(portmanConfig));
    await writeFile(postmanConfigFile, JSON.stringify(postmanConfig));

    await execFileAsync(
      bin("portman"),
      ["-l", documentFile, "-c", portmanConfigFile, "-s", postmanConfigFile, "-o", collectionFile],
      { env: toolEnv, cwd: work, timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`portman failed:\n${error.stdout}\n${error.stderr}`);
    });
    const newman = await execFileAsync(
      bin("newman"),
      [
        "run",
        collectionFile,
        "--reporters",
        "cli,json",
        "--reporter-json-export",
        reportFile,
        "--color",
        "off",
      ],
      { env: toolEnv, cwd: work, timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: `${error.stdout ?? ""}\n${error.stderr ?? ""}`,
      failed: true,
    }));
    const reportText = await readFile(reportFile, "utf8").catch(() => {
      throw new Error(`newman wrote no report:\n${newman.stdout}`);
    });
    const report = JSON.parse(reportText) as {
      run: {
        stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
        executions: { item: { name: string }; response?: { code: number } }[];
      };
    };
    const operationCount = Object.values(document.paths ?? {}).flatMap(Object.keys).length;
    // Each operation once, then the four refusals.
    expect(report.run.stats.requests.total, newman.stdout).toBe(operationCount + 4);
    expect(report.run.stats.requests.failed, newman.stdout).toBe(0);
    expect(report.run.stats.assertions.total, newman.stdout).toBeGreaterThanOrEqual((operationCount + 4) * 4);
    expect(report.run.stats.assertions.failed, newman.stdout).toBe(0);
    expect("failed" in newman, newman.stdout).toBe(false);
  });
});
