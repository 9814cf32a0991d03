import superjson from "superjson";
import { WEB_ORIGIN } from "./test-app.ts";

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A browser-like HTTP client for integration tests: keeps cookies, sends our web origin on
 * mutations (as a browser on the storefront would), and speaks tRPC's HTTP protocol.
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly defaults: { origin?: string | null; ip?: string } = {},
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: { json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const origin = this.defaults.origin === undefined ? WEB_ORIGIN : this.defaults.origin;
    if (method !== "GET" && origin && !("origin" in headers)) headers.origin = origin;
    if (this.defaults.ip) headers["x-forwarded-for"] = this.defaults.ip;
    if (this.cookies.size > 0 && !("cookie" in headers)) headers.cookie = this.cookieHeader;
    if (options.json !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.json === undefined ? undefined : JSON.stringify(options.json),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, headers: response.headers, body: body as T };
  }

  signUp(email: string, password: string, name = "Test Shopper", extra: Record<string, unknown> = {}) {
    return this.request("POST", "/api/auth/sign-up/email", { json: { email, password, name, ...extra } });
  }

  signIn(email: string, password: string) {
    return this.request("POST", "/api/auth/sign-in/email", { json: { email, password } });
  }

  signOut() {
    return this.request("POST", "/api/auth/sign-out", { json: {} });
  }

  /** A tRPC query; resolves to { status, data } or { status, error }. */
  async query(path: string, input?: unknown) {
    const query =
      input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return this.trpcResult(await this.request("GET", `/api/trpc/${path}${query}`));
  }

  async mutation(path: string, input?: unknown) {
    return this.trpcResult(
      await this.request("POST", `/api/trpc/${path}`, { json: superjson.serialize(input) }),
    );
  }

  private trpcResult(result: HttpResult) {
    const body = result.body as { result?: { data: unknown }; error?: { json: TrpcErrorShape } };
    return {
      status: result.status,
      headers: result.headers,
      data: body?.result ? superjson.deserialize(body.result.data as never) : undefined,
      error: body?.error?.json,
    };
  }
}

export interface TrpcErrorShape {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    requestId?: string;
    issues?: { path: string; message: string }[];
    details?: unknown;
  };
}
