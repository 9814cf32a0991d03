import { createOpenApiDocument } from "@stockroom/api";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** What the REST document covers: /api/* except tRPC, auth and the documentation itself. */
export function isDocumentedSurface(pathname: string): boolean {
  return (
    pathname.startsWith("/api/") &&
    !/^\/api\/(trpc|auth|docs)(\/|$)/.test(pathname) &&
    pathname !== "/api/openapi.json"
  );
}

interface Route {
  method: string;
  pattern: RegExp;
  template: string;
  pointer: string;
  statuses: Set<string>;
}

type Document = ReturnType<typeof createOpenApiDocument>;

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Checks an HTTP response of the REST surface against the OpenAPI document the server serves:
 * the status must be documented for that operation and the JSON body must match its schema.
 * A request to a path or method the document does not list is not its concern (a plain 404).
 */
export class OpenApiResponseValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: Document = createOpenApiDocument("/api")) {
    addFormats.default(this.ajv);
    this.ajv.addSchema(document as object, "openapi");
    const base = document.servers?.[0]?.url ?? "";
    for (const [template, item] of Object.entries(document.paths ?? {})) {
      const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
      for (const [method, operation] of Object.entries(item as Record<string, { responses: object }>)) {
        this.routes.push({
          method: method.toUpperCase(),
          pattern: new RegExp(`^${base}${source}$`),
          template,
          pointer: `#/paths/${escapePointer(template)}/${method}/responses`,
          statuses: new Set(Object.keys(operation.responses)),
        });
      }
    }
  }

  /** The problem with this response, or null when the document describes it. */
  check(response: { method: string; url: string; status: number; contentType?: string; body: string }) {
    const pathname = new URL(response.url, "http://localhost").pathname;
    if (!isDocumentedSurface(pathname)) return null;
    const route = this.routes.find((r) => r.method === response.method && r.pattern.test(pathname));
    if (!route) return null;
    const where = `${response.method} ${pathname} (${route.method} ${route.template}) answered ${response.status}`;
    const status = String(response.status);
    if (!route.statuses.has(status)) return `${where}: status not documented`;
    if (!response.contentType?.startsWith("application/json"))
      return `${where}: content-type ${response.contentType ?? "none"}, documented application/json`;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${where}: body is not JSON: ${response.body.slice(0, 200)}`;
    }
    const validate = this.validatorFor(`${route.pointer}/${status}/content/application~1json/schema`);
    if (validate(body)) return null;
    const errors = this.ajv.errorsText(validate.errors, { separator: "; " });
    return `${where}: body does not match the document: ${errors}; body: ${response.body.slice(0, 500)}`;
  }

  private validatorFor(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}
