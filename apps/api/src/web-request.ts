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

// better-auth builds its links from its configured baseURL, never from the request's host, so the Host
// header (which a client controls, and `Host: [` would make `new URL` throw) plays no part here.
const REQUEST_BASE = "http://localhost";

/** A Fetch API Request for libraries with a web-standard handler (better-auth). */
export function toWebRequest(request: FastifyRequest): Request {
  const url = new URL(request.url, REQUEST_BASE);
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
