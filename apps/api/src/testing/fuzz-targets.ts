import { appRouter } from "@stockroom/api";
import type { ZodType } from "zod";
import { inputJsonSchema, type JsonSchema } from "./schema-arbitrary.ts";

// Everything the fuzz test calls: every tRPC procedure of the app router and every operation of the
// OpenAPI document the server serves, each with the JSON Schema of its input and how to send one.

export interface HttpRequest {
  method: string;
  /** Path and query string, from the server's root. */
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface FuzzTarget {
  /** "trpc product.list" or "rest POST /orders". */
  name: string;
  kind: "query" | "mutation";
  /** Undefined for a procedure without input. */
  schema: JsonSchema | undefined;
  toRequest(input: unknown): HttpRequest;
}

/**
 * A tRPC input sent with a superjson `meta` of the fuzzer's choosing (it tells the server how to
 * revive values: Dates, BigInts, Maps, classes), so the transformer is fuzzed as well as the schema.
 */
export class WithSuperjsonMeta {
  constructor(
    readonly json: unknown,
    readonly meta: unknown,
  ) {}
}

type ProcedureRecord = Record<string, { _def: { type: string; inputs: ZodType[] } }>;

export function trpcTargets(): FuzzTarget[] {
  const procedures = appRouter._def.procedures as unknown as ProcedureRecord;
  return Object.entries(procedures).map(([path, procedure]) => {
    const [input] = procedure._def.inputs;
    const kind = procedure._def.type === "query" ? "query" : "mutation";
    return {
      name: `trpc ${path}`,
      kind,
      schema: input ? inputJsonSchema(input) : undefined,
      toRequest(value) {
        // superjson's wire format; plain JSON values need no meta, and sending it raw keeps odd keys
        // (__proto__) and shapes exactly as generated.
        const envelope = JSON.stringify(
          value instanceof WithSuperjsonMeta
            ? { json: value.json, meta: value.meta }
            : value === undefined
              ? {}
              : { json: value },
        );
        return kind === "query"
          ? {
              method: "GET",
              path: `/api/trpc/${path}${value === undefined ? "" : `?input=${encodeURIComponent(envelope)}`}`,
            }
          : {
              method: "POST",
              path: `/api/trpc/${path}`,
              body: envelope,
              headers: { "content-type": "application/json" },
            };
      },
    };
  });
}

interface OpenApiParameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * The REST input as one object: { path, query, headers, body }. Mutations then reach every part,
 * the envelope included (a path parameter that is an object, a query that is an array...).
 */
function restInputSchema(operation: OpenApiOperation): JsonSchema {
  const group = (where: OpenApiParameter["in"]): JsonSchema => {
    const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === where);
    return {
      type: "object",
      properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema ?? {}])),
      required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    };
  };
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  return {
    type: "object",
    properties: {
      path: group("path"),
      query: group("query"),
      headers: group("header"),
      ...(body && { body }),
    },
    required: ["path", "query", "headers", ...(body ? ["body"] : [])],
  };
}

/** A parameter as text: strings as they are, anything else as JSON. */
function parameterText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? "";
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the three bytes it
 * would take in WTF-8: invalid UTF-8 that the server must refuse, not crash on.
 */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    let encoded = "";
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0;
      if (code < 0xd800 || code > 0xdfff) encoded += encodeURIComponent(char);
      else
        encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((byte) => `%${byte.toString(16).toUpperCase()}`)
          .join("");
    }
    return encoded;
  }
}

function restRequest(method: string, template: string, input: unknown): HttpRequest {
  const { path, query, headers, body } = (typeof input === "object" && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const pathParameters = (typeof path === "object" && path !== null ? path : {}) as Record<string, unknown>;
  const url = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeComponent(parameterText(pathParameters[name])),
  );
  // Built by hand: URLSearchParams would quietly replace lone surrogates.
  const search: string[] = [];
  if (typeof query === "object" && query !== null && !Array.isArray(query)) {
    for (const [name, value] of Object.entries(query))
      for (const item of Array.isArray(value) ? value : [value])
        search.push(`${encodeComponent(name)}=${encodeComponent(parameterText(item))}`);
  } else if (query !== undefined) {
    search.push(encodeComponent(parameterText(query)));
  }
  const headerValues: Record<string, string> = {};
  if (typeof headers === "object" && headers !== null)
    for (const [name, value] of Object.entries(headers)) {
      // fetch refuses what HTTP cannot carry in a header; what is left is still hostile enough.
      const text = parameterText(value).replace(/[^\x20-\x7e]/g, "?");
      if (/^[a-z0-9-]+$/i.test(name)) headerValues[name] = text;
    }
  const queryString = search.join("&");
  const request: HttpRequest = {
    method: method.toUpperCase(),
    path: `/api${url}${queryString ? `?${queryString}` : ""}`,
    headers: headerValues,
  };
  if (method !== "get" && body !== undefined) {
    request.body = JSON.stringify(body);
    request.headers = { ...headerValues, "content-type": "application/json" };
  }
  return request;
}

export function restTargets(document: OpenApiDocument): FuzzTarget[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      name: `rest ${method.toUpperCase()} ${template}`,
      kind: method === "get" ? ("query" as const) : ("mutation" as const),
      schema: restInputSchema(operation),
      toRequest: (input: unknown) => restRequest(method, template, input),
    })),
  );
}
