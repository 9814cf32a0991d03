import http from "node:http";
import superjson from "superjson";
import { WEB_ORIGIN } from "./test-app.ts";

export interface Outcome {
  status?: number;
  body?: unknown;
  setCookies: string[];
  /** Set when no response came: a reset, refused or cut-off request. */
  error?: string;
}

export interface SendOptions {
  json?: unknown;
  headers?: Record<string, string>;
  cookie?: string;
  /**
   * The loopback address the request comes from (any of 127.0.0.0/8). nginx passes it on as the client's
   * address, so a test can be many clients, each with its own per-IP budget.
   */
  from?: string;
}

/** One request on a new connection with node:http, so the source address can be chosen. */
export function send(baseUrl: string, method: string, path: string, options: SendOptions = {}) {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = { ...options.headers };
  if (method !== "GET") headers.origin ??= WEB_ORIGIN;
  if (options.cookie) headers.cookie = options.cookie;
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Promise<Outcome>((resolve) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        agent: false,
        localAddress: options.from,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => {
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {}
          const setCookies = response.headers["set-cookie"] ?? [];
          resolve({ status: response.statusCode, body: parsed, setCookies });
        });
        response.on("error", (error: NodeJS.ErrnoException) =>
          resolve({ setCookies: [], error: error.code ?? error.message }),
        );
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ setCookies: [], error: error.code ?? error.message }),
    );
    request.end(body);
  });
}

/** The Cookie header for the cookies a response set. */
export function cookieHeaderOf(outcome: Outcome): string {
  return outcome.setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

/** tRPC's GET path for a query with `input`. */
export function trpcQueryPath(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** The data of a tRPC response body. */
export function trpcData<T>(outcome: Outcome): T {
  const body = outcome.body as { result?: { data: unknown } };
  if (!body?.result)
    throw new Error(`not a tRPC result (${outcome.status}): ${JSON.stringify(outcome.body)}`);
  return superjson.deserialize(body.result.data as never) as T;
}

/** Hands out loopback source addresses in turn: 127.0.<block>.1 to 127.0.<block>.250. */
export function addressPool(block: number) {
  let next = 0;
  return () => `127.0.${block}.${(next++ % 250) + 1}`;
}
