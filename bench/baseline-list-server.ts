import { createServer } from "node:http";
import type { ListBaselineConfig } from "./baselines.ts";
import { listenOnLoopback, serveWhenAsked } from "./child-server.ts";

// The ceiling for a cached product page: node:http writing bytes it already holds. No routing,
// validation, session, cache lookup or serialization, so nothing the API does can be cheaper.
serveWhenAsked<ListBaselineConfig>(async ({ port, pages }) => {
  const bodies = new Map(Object.entries(pages).map(([path, body]) => [path, Buffer.from(body)]));
  const server = createServer((request, response) => {
    const body = bodies.get(request.url ?? "");
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "content-length": body.length,
    });
    response.end(body);
  });
  await listenOnLoopback(server, port);
});
