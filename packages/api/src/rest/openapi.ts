import { generateOpenApiDocument } from "trpc-to-openapi";
import { restRouter } from "./router.ts";

/** The OpenAPI 3.1 document, generated from the REST procedures' zod schemas. */
export function createOpenApiDocument(baseUrl: string) {
  return generateOpenApiDocument(restRouter, {
    title: "Stockroom REST API",
    description:
      "Orders, products and inventory over JSON. Sign in with POST /api/auth/sign-in/email (send a trusted Origin header); the session cookie authenticates the rest. Amounts are decimal major units with a currency field.",
    version: "1.0.0",
    baseUrl,
    securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "stockroom.session_token" } },
  });
}
