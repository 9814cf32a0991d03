import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { checkoutErrors } from "./checkout-openapi.ts";
import { checkoutSettingsErrors } from "./checkout-settings-openapi.ts";
import { type RequestExamples, restRequestExamples } from "./openapi-examples.ts";
import { promotionErrors } from "./promotion-openapi.ts";
import { REST_CREATED_PATHS, type RestRouter, restRouter } from "./router.ts";

// trpc-to-openapi documents every success as 200 and every error with its own body
// ({ message, code, issues }), which is not what the REST routes answer. The generated document is
// therefore corrected here, in one place: created resources answer 201, each operation lists the
// errors it can really answer with the one error body the server sends, and inputs carry examples.

type RestProcedureName = keyof RestRouter["_def"]["record"];
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;
type ErrorResponses = Partial<Record<ErrorStatus, string>>;
type SchemaObject = NonNullable<NonNullable<OpenAPIObject["components"]>["schemas"]>[string];

const ERROR_SCHEMA_NAME = "Error";
export const ERROR_SCHEMA_REF = `#/components/schemas/${ERROR_SCHEMA_NAME}`;

/** The one REST error body (apps/api http-errors.ts `ErrorBody`). */
const errorSchema: SchemaObject = {
  type: "object",
  description: "Every REST error answers with this body",
  properties: {
    error: {
      type: "string",
      description: "What went wrong, in words for a person",
      example: "Order not found",
    },
    details: {
      description:
        "Invalid input: a list of the refused fields. Other errors: an object naming what the error is about (productId, available, status, retryAfterSeconds...)",
      oneOf: [
        {
          type: "array",
          items: {
            type: "object",
            properties: { path: { type: "string" }, message: { type: "string" } },
            required: ["path", "message"],
          },
        },
        { type: "object" },
      ],
    },
    requestId: { type: "string", description: "On a 500: quote it when reporting the problem" },
  },
  required: ["error"],
  additionalProperties: false,
  example: { error: "Invalid request", details: [{ path: "items.0.quantity", message: "Too small" }] },
};

const retryAfterHeader = {
  "Retry-After": {
    description: "Seconds to wait before trying again",
    schema: { type: "integer", minimum: 1 },
  },
};

/** Answered by every operation. */
const commonErrors: ErrorResponses = {
  400: "Invalid request: `details` lists each refused field with its message",
  429: "Too many requests from this address; `Retry-After` says when to try again",
  500: "Internal server error; `requestId` identifies it in the server log",
  503: "The database is saturated; try again in a moment",
};

/** Answered by every operation with a body (POST, PATCH). */
const bodyErrors: ErrorResponses = {
  403: "Cross-site request refused: a mutation must come from a trusted Origin",
  413: "The request body is too large",
  415: "The request body is not JSON",
};

const signedIn: ErrorResponses = { 401: "Sign in to continue" };

const errorsByProcedure: Record<RestProcedureName, ErrorResponses> = {
  ...checkoutSettingsErrors,
  ...promotionErrors,
  ...checkoutErrors,
  createOrder: {
    ...bodyErrors,
    ...signedIn,
    400: "Invalid request (`details` lists the fields), an invalid Idempotency-Key header, insufficient inventory (`details`: productId, variantId, sku, available, requested), or a productId of a product with several variants (`Choose a variant`, `details`: productId, variants [{id, title}])",
    403: "Another user's userId (staff only), or a cross-site request",
    404: "A product or variant does not exist or is not for sale (`details.productId` or `details.variantId`)",
    409: "The Idempotency-Key was used with a different body",
    429: "Too many orders from this user, or requests from this address; `Retry-After` says when to try again",
  },
  orderById: { ...signedIn, 404: "No such order, or it belongs to someone else" },
  cancelOrder: {
    ...bodyErrors,
    ...signedIn,
    404: "No such order, or it belongs to someone else",
    409: "The order cannot be cancelled in its status (`details.status`)",
  },
  userOrders: { ...signedIn, 403: "Only the user themselves or staff may list a user's orders" },
  listProducts: { 400: "Invalid request, e.g. a cursor that is not from a previous page" },
  productById: { 404: "No such product, or it is not for sale" },
  createProduct: {
    ...bodyErrors,
    ...signedIn,
    400: "Invalid request (`details` lists the fields): e.g. no price, a variant without a value of each option, two variants of one combination",
    403: "Staff only, or a cross-site request",
    404: "No such category",
    409: "The slug or a SKU is already taken",
  },
  updateVariants: {
    ...bodyErrors,
    ...signedIn,
    400: "Invalid request (`details` lists the fields): e.g. a price with too many decimals for the product's currency, a value that is not one of the option's, a variant listed twice",
    403: "Staff only, or a cross-site request",
    404: "No such product, or a variant that is not one of its variants (`details.variantId`)",
    409: "A SKU another variant has (`details.skus`), or two variants of one combination (`details.combinations`); nothing is changed",
  },
  variantBySku: { ...signedIn, 403: "Staff only", 404: "No variant has this SKU" },
  adjustInventory: {
    ...bodyErrors,
    ...signedIn,
    400: "A product with several variants (`Choose a variant`, `details.variants`), or an invalid body",
    403: "Staff only, or a cross-site request",
    404: "No such variant or product",
    409: "The change would take stock below zero, or the level changed since `expectedVersion`",
  },
};

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; example?: unknown }[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
};

function correctOperation(name: RestProcedureName, operation: Operation, examples: RequestExamples) {
  const success = operation.responses["200"];
  const status = REST_CREATED_PATHS.has(name) ? "201" : "200";
  const errors = { ...commonErrors, ...errorsByProcedure[name] };
  const responses: Record<string, unknown> = { [status]: success };
  for (const code of Object.keys(errors).sort()) {
    const description = errors[Number(code) as ErrorStatus];
    responses[code] = {
      description,
      ...(code === "429" ? { headers: retryAfterHeader } : {}),
      content: { "application/json": { schema: { $ref: ERROR_SCHEMA_REF } } },
    };
  }
  operation.responses = responses;
  // A public operation needs no session: say so explicitly rather than inherit a requirement.
  if (!operation.security) operation.security = [];
  for (const parameter of operation.parameters ?? []) {
    const example = examples.parameters?.[parameter.name];
    if (example !== undefined) parameter.example = example;
  }
  const json = operation.requestBody?.content?.["application/json"];
  if (json && examples.body !== undefined) json.example = examples.body;
}

/** The OpenAPI 3.1 document, generated from the REST procedures' zod schemas, then corrected (see top). */
export function createOpenApiDocument(baseUrl: string): OpenAPIObject {
  const document = generateOpenApiDocument(restRouter, {
    title: "Stockroom REST API",
    description:
      "Orders, products and inventory over JSON. Sign in with POST /api/auth/sign-in/email (send a trusted Origin header); the session cookie authenticates the rest. Amounts are decimal major units with a currency field.",
    version: "1.0.0",
    baseUrl,
    securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "stockroom.session_token" } },
  });
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item) as Operation[]) {
      const name = operation.operationId as RestProcedureName;
      if (!(name in errorsByProcedure)) throw new Error(`No error list for REST operation ${name}`);
      correctOperation(name, operation, restRequestExamples[name]);
    }
  }
  const schemas = Object.fromEntries(
    Object.entries(document.components?.schemas ?? {}).filter(([key]) => !key.startsWith("error.")),
  );
  document.components = { ...document.components, schemas: { ...schemas, [ERROR_SCHEMA_NAME]: errorSchema } };
  return document;
}
