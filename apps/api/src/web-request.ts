import type { FastifyRequest } from "fastify";

export function toWebHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Downstream code sees the client address Fastify resolved (trustProxy), not the proxy's.
  headers.set("x-forwarded-for", request.ip);
  return headers;
}

/** A Fetch API Request for libraries with a web-standard handler (better-auth). */
export function toWebRequest(request: FastifyRequest): Request {
  const url = new URL(request.url, `http://${request.headers.host ?? "localhost"}`);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== undefined;
  const headers = toWebHeaders(request);
  // The body is re-serialized from what Fastify parsed, so the original length no longer applies.
  headers.delete("content-length");
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody
      ? typeof request.body === "string"
        ? request.body
        : JSON.stringify(request.body)
      : undefined,
  });
}
