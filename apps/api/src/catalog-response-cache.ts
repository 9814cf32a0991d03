import type { CatalogCache } from "@stockroom/api";
import type { FastifyInstance, FastifyRequest } from "fastify";

const MAX_ENTRIES = 2_000;

/**
 * Public catalog reads whose answer is the same for every caller, whatever their session: the REST
 * product list and product pages, and tRPC's product list (unless it asks for archived products,
 * which only staff see) and categories, unbatched and not streamed.
 */
export function isSharedCatalogRead(method: string, url: string, trpcAccept?: string | string[]): boolean {
  if (method !== "GET") return false;
  const [path = "", query = ""] = url.split("?", 2);
  if (path === "/api/products" || /^\/api\/products\/[^/]+$/.test(path)) return true;
  // A streaming (trpc-accept) or batched tRPC answer is shaped differently for the same procedure.
  if (trpcAccept !== undefined || query.includes("batch=")) return false;
  if (path === "/api/trpc/product.categories") return true;
  return path === "/api/trpc/product.list" && !decodeURIComponent(query).includes("includeArchived");
}

interface StoredResponse {
  version: string;
  contentType: string;
  body: Buffer;
}

/**
 * Keeps whole successful responses of shared catalog reads in this process, stamped with the catalog
 * version their request began under (see CatalogCache). A request under the same version is answered
 * with the stored bytes before any session lookup, routing, validation or serialization; any catalog
 * or stock write bumps the version, after which no stored response is served. Without Redis there is
 * no version, and every request goes through.
 */
export function registerCatalogResponseCache(app: FastifyInstance, cache: CatalogCache): void {
  const stored = new Map<string, StoredResponse>();
  // The key is taken on arrival: the REST adapter rewrites request.url on its way in.
  const stamps = new WeakMap<FastifyRequest, { key: string; version: string }>();

  app.addHook("onRequest", async (request, reply) => {
    if (!isSharedCatalogRead(request.method, request.url, request.headers["trpc-accept"])) return;
    const version = await cache.currentVersion();
    if (version === null) return;
    const hit = stored.get(request.url);
    if (hit?.version === version) {
      reply.header("content-type", hit.contentType).header("x-cache", "hit");
      return reply.send(hit.body);
    }
    stamps.set(request, { key: request.url, version });
    reply.header("x-cache", "miss");
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const stamp = stamps.get(request);
    if (stamp === undefined) return payload;
    // The tRPC adapter answers with a fetch Response: read it, and answer with its bytes instead.
    if (payload instanceof Response) {
      if (payload.status !== 200) return payload;
      reply.code(payload.status);
      for (const [name, value] of payload.headers) reply.header(name, value);
      payload = Buffer.from(await payload.arrayBuffer());
    }
    if (reply.statusCode !== 200 || (typeof payload !== "string" && !Buffer.isBuffer(payload)))
      return payload;
    if (stored.size >= MAX_ENTRIES && !stored.has(stamp.key)) {
      const oldest = stored.keys().next().value;
      if (oldest !== undefined) stored.delete(oldest);
    }
    stored.set(stamp.key, {
      version: stamp.version,
      contentType: String(reply.getHeader("content-type") ?? "application/json"),
      body: Buffer.from(payload),
    });
    return payload;
  });
}
