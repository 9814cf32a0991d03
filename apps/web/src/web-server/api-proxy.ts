import {
  Agent,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type ServerResponse,
} from "node:http";

// Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);
// Set here from what this tier knows; a client's own values are never passed on.
const FORWARDING = new Set(["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto"]);

function endToEnd(headers: IncomingHttpHeaders, skip?: Set<string>): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !skip?.has(name)) kept[name] = value;
  }
  return kept;
}

/**
 * Ends an answer only once the client has sent all of its body (dropping the rest). Ending it earlier
 * makes Node close the connection of a `Connection: close` client that is still uploading, and the client
 * then fails on a broken pipe before it reads the answer. The answer's bytes are all sent already.
 */
function endAfterBody(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) {
    res.end();
    return;
  }
  req.resume();
  req.once("end", () => res.end());
}

function answer(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.write(body);
  endAfterBody(req, res);
}

/**
 * The API's own body limit (Fastify's bodyLimit in apps/api/src/server.ts; e2e/tests/hardening.spec.ts
 * checks the two agree). The API answers a larger body with 413 and closes the connection while the body
 * is still arriving, and that close can destroy its answer in flight, so this tier refuses such a body
 * itself, as an nginx in front would with client_max_body_size.
 */
export const API_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
const TOO_LARGE = "Request body is too large";

export interface ForwardedFrom {
  /** The client's address as this tier resolved it (see client-address.ts). */
  clientAddress: string;
  /** The protocol the client used, as this tier resolved it. */
  protocol: "http" | "https";
}

/**
 * Streams a request to apps/api and its answer back, unchanged but for the connection headers and the
 * forwarding headers, which this tier sets: X-Forwarded-For is the one address it resolved, so the API
 * (trusting this hop) counts and audits the real client. An answer the API sends before it has read the
 * whole body (413 for a body over its limit) reaches the client as it is.
 */
export function createApiProxy(
  apiUrl: string,
  options: { idleTimeoutMs?: number; bodyLimitBytes?: number } = {},
) {
  const target = new URL(apiUrl);
  const agent = new Agent({ keepAlive: true });
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const bodyLimit = options.bodyLimitBytes ?? API_BODY_LIMIT_BYTES;

  return function proxyToApi(req: IncomingMessage, res: ServerResponse, from: ForwardedFrom): void {
    if (Number(req.headers["content-length"]) > bodyLimit) {
      answer(req, res, 413, TOO_LARGE);
      return;
    }
    const headers = endToEnd(req.headers, FORWARDING);
    headers.host = target.host;
    headers["x-forwarded-for"] = from.clientAddress;
    headers["x-forwarded-proto"] = from.protocol;
    if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;

    let answered = false;
    let timedOut = false;
    let tooLarge = false;
    const upstream = request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    upstream.setTimeout(idleTimeoutMs, () => {
      timedOut = true;
      upstream.destroy();
    });
    upstream.on("response", (apiRes) => {
      answered = true;
      res.writeHead(apiRes.statusCode ?? 502, apiRes.statusMessage, endToEnd(apiRes.headers));
      apiRes.pipe(res, { end: false });
      apiRes.on("end", () => endAfterBody(req, res));
      apiRes.on("error", () => res.destroy());
      apiRes.on("aborted", () => res.destroy());
      if (!req.readableEnded) {
        // The API answered early (e.g. 413) and may close its side: stop sending it the body (the rest
        // is read and dropped, see endAfterBody).
        req.unpipe(upstream);
        req.resume();
        // The request to the API was never finished, so its connection cannot be reused.
        apiRes.once("end", () => upstream.destroy());
      }
    });
    upstream.on("error", () => {
      // After an answer has started, a write error is the API closing on a body it refused: the answer
      // itself still arrives (or its stream reports the failure).
      if (answered || tooLarge) return;
      if (timedOut) answer(req, res, 504, "The API did not answer in time. Try again shortly.");
      else answer(req, res, 502, "The API is unavailable. Try again shortly.");
    });
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.on("error", () => upstream.destroy());
    if (req.headers["transfer-encoding"] !== undefined) {
      // A body of undeclared length is counted as it streams.
      let received = 0;
      req.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received <= bodyLimit || tooLarge || answered) return;
        tooLarge = true;
        req.unpipe(upstream);
        upstream.destroy();
        answer(req, res, 413, TOO_LARGE);
      });
    }
    req.pipe(upstream);
  };
}
