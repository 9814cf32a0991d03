import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { createOpenApiDocument } from "@stockroom/api";
import type { FastifyInstance } from "fastify";

const require = createRequire(import.meta.url);
const swaggerUiDir = path.dirname(require.resolve("swagger-ui-dist/package.json"));
const assets: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

const docsPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Stockroom REST API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;
const initScript = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", withCredentials: true });`;
// Swagger UI is served from this machine (no CDN) and runs only our own scripts.
const docsPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

/** GET /api/openapi.json (generated from the REST procedures) and an interactive page at /api/docs. */
export function registerDocsRoutes(app: FastifyInstance) {
  const document = createOpenApiDocument("/api");
  app.get("/api/openapi.json", async () => document);
  app.get("/api/docs", async (_request, reply) =>
    reply.header("content-security-policy", docsPolicy).type("text/html; charset=utf-8").send(docsPage),
  );
  app.get("/api/docs/init.js", async (_request, reply) =>
    reply.type("text/javascript; charset=utf-8").send(initScript),
  );
  app.get<{ Params: { asset: string } }>("/api/docs/:asset", async (request, reply) => {
    const type = assets[request.params.asset];
    if (!type) return reply.code(404).send({ error: "Not found" });
    const body = await readFile(path.join(swaggerUiDir, request.params.asset));
    return reply.type(type).header("cache-control", "public, max-age=86400").send(body);
  });
}
