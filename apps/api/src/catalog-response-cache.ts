import { type CatalogCache, CatalogReads } from "@stockroom/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

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
  return path === "/api/trpc/product.list" && !decodedQuery(query).includes("includeArchived");
}

/** A query that cannot be decoded is left to the route, which refuses it properly. */
function decodedQuery(query: string): string {
  try {
    return decodeURIComponent(query);
  } catch {
    return "includeArchived";
  }
}

interface StoredResponse {
  version: string;
  /** The stock generation of every product in the response, by its Redis key. */
  stock: [generationKey: string, generation: string][];
  contentType: string;
  body: Buffer;
}

const pending = new WeakMap<FastifyRequest, { key: string; reads: CatalogReads }>();

/** The recorder of a request's catalog reads, when its response may be kept; for its tRPC/REST context. */
export function catalogReadsOf(request: FastifyRequest): CatalogReads | undefined {
  return pending.get(request)?.reads;
}

/**
 * Keeps whole successful responses of shared catalog reads in this process, stamped with what their
 * cached reads were stamped with: the catalog version and each listed product's stock generation (see
 * CatalogCache). A request for which all of them are still current is answered with the stored bytes
 * before any session lookup, routing, validation or serialization; a product or catalog write makes
 * the responses that show it stale, and only those. Without Redis nothing is stamped, and every
 * request goes through.
 */
export function registerCatalogResponseCache(app: FastifyInstance, cache: CatalogCache): void {
  const stored = new Map<string, StoredResponse>();

  function answer(reply: FastifyReply, response: StoredResponse): void {
    reply.header("content-type", response.contentType).header("x-cache", "hit");
    void reply.send(response.body);
  }

  function expectResponse(request: FastifyRequest, reply: FastifyReply): void {
    // The key is taken on arrival: the REST adapter rewrites request.url on its way in.
    pending.set(request, { key: request.url, reads: new CatalogReads() });
    reply.header("x-cache", "miss");
  }

  // Callback style: a hit whose stamps this process holds is answered without a single promise.
  app.addHook("onRequest", (request, reply, done) => {
    if (!isSharedCatalogRead(request.method, request.url, request.headers["trpc-accept"])) return done();
    const response = stored.get(request.url);
    const currentNow = response && cache.isCurrentNow(response.version, response.stock);
    if (response && currentNow) return answer(reply, response);
    if (response && currentNow === undefined) {
      cache.isCurrent(response.version, response.stock).then((current) => {
        if (current) return answer(reply, response);
        expectResponse(request, reply);
        done();
      }, done);
      return;
    }
    expectResponse(request, reply);
    done();
  });

  // Callback style too: every response passes here, and only the ones it may keep need a promise.
  app.addHook("onSend", (request, reply, payload, done) => {
    const entry = pending.get(request);
    if (entry === undefined) return done(null, payload);
    keepResponse(entry, reply, payload).then((kept) => done(null, kept), done);
  });

  async function keepResponse(
    entry: { key: string; reads: CatalogReads },
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> {
    // The tRPC adapter answers with a fetch Response: read it, and answer with its bytes instead.
    if (payload instanceof Response) {
      if (payload.status !== 200) return payload;
      reply.code(payload.status);
      for (const [name, value] of payload.headers) reply.header(name, value);
      payload = Buffer.from(await payload.arrayBuffer());
    }
    if (reply.statusCode !== 200 || (typeof payload !== "string" && !Buffer.isBuffer(payload)))
      return payload;
    const stamps = entry.reads.stamps();
    if (!stamps) return payload;
    if (stored.size >= MAX_ENTRIES && !stored.has(entry.key)) {
      const oldest = stored.keys().next().value;
      if (oldest !== undefined) stored.delete(oldest);
    }
    stored.set(entry.key, {
      ...stamps,
      contentType: String(reply.getHeader("content-type") ?? "application/json"),
      body: Buffer.from(payload),
    });
    return payload;
  }
}
