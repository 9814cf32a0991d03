import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { isDocumentedSurface, OpenApiResponseValidator } from "./openapi-response-validator.ts";

let sharedValidator: OpenApiResponseValidator | undefined;

/**
 * Checks every REST response the test server sends against the OpenAPI document, as it leaves
 * (the bytes on the wire, after every hook). Problems are kept with the name of the test that caused
 * them; `assertAllDocumented` (called by the test app's close) fails the file if there are any.
 */
export function recordRestResponses(app: FastifyInstance) {
  sharedValidator ??= new OpenApiResponseValidator();
  const validator = sharedValidator;
  const problems: string[] = [];
  let checked = 0;
  // A listener on the HTTP server itself, not a Fastify hook: hooks added here would run after the
  // server's own (the catalog response cache answers from an onRequest hook) and miss those answers.
  app.server.on("request", (request: IncomingMessage, raw: ServerResponse) => {
    const url = request.url ?? "/";
    if (!isDocumentedSurface(url.split("?")[0] ?? "")) return;
    // Answered already, inside Fastify's own listener: a URL its router cannot decode gets its
    // frameworkErrors reply synchronously, before this one runs and can see the body. The tests of
    // that answer check its body and content type themselves (hardening-inputs).
    if (raw.writableEnded) return;
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === "string")
        chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const write = raw.write.bind(raw) as (...args: unknown[]) => boolean;
    const end = raw.end.bind(raw) as (...args: unknown[]) => ServerResponse;
    raw.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof raw.write;
    raw.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== "function") keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as typeof raw.end;
    const testName = expect.getState().currentTestName ?? "(outside a test)";
    raw.once("finish", () => {
      checked++;
      const problem = validator.check({
        method: request.method ?? "GET",
        url,
        status: raw.statusCode,
        contentType: String(raw.getHeader("content-type") ?? "") || undefined,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      if (problem) problems.push(`${testName}: ${problem}`);
    });
  });
  return {
    problems,
    get checked() {
      return checked;
    },
    assertAllDocumented() {
      if (problems.length > 0)
        throw new Error(
          `${problems.length} REST response(s) not described by /api/openapi.json:\n${problems.join("\n")}`,
        );
    },
  };
}
