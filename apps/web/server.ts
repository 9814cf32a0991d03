/**
 * The web app's HTTP server (`pnpm start` runs it built, `pnpm dev` with `--dev`). It exists because
 * only the socket knows who the client is: Next.js handlers never see the peer address. So before
 * anything else reads a request, this sets X-Forwarded-For to the client's address as resolved here
 * (the peer, or what a trusted hop in WEB_TRUST_PROXY reports), and proxies /api/* to apps/api itself.
 */
import { createServer, type IncomingMessage } from "node:http";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { fileURLToPath } from "node:url";
import next from "next";
import { webEnv } from "./src/env.ts";
import { createApiProxy } from "./src/web-server/api-proxy.ts";
import {
  clientAddress,
  normalizeAddress,
  parseTrustedHops,
  type TrustedHops,
} from "./src/web-server/client-address.ts";

const dev = process.argv.includes("--dev");
const dir = path.dirname(fileURLToPath(import.meta.url));

function readTrustedHops(): TrustedHops {
  try {
    return parseTrustedHops(webEnv.WEB_TRUST_PROXY);
  } catch (error) {
    throw new Error(`Invalid environment configuration:\n  WEB_TRUST_PROXY: ${(error as Error).message}`);
  }
}
const trusted = readTrustedHops();
const proxyToApi = createApiProxy(webEnv.API_INTERNAL_URL);

function isApiPath(url: string | undefined): boolean {
  return url === "/api" || url?.startsWith("/api/") === true || url?.startsWith("/api?") === true;
}

/** What the client used to reach the edge: the socket's, or a trusted hop's X-Forwarded-Proto. */
function clientProtocol(req: IncomingMessage, peerTrusted: boolean): "http" | "https" {
  const claimed = peerTrusted ? req.headers["x-forwarded-proto"] : undefined;
  if (claimed === "https" || claimed === "http") return claimed;
  return (req.socket as TLSSocket).encrypted ? "https" : "http";
}

const server = createServer();
const app = next({ dev, dir, port: webEnv.WEB_PORT, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();

server.on("request", (req, res) => {
  const peerTrusted = trusted(normalizeAddress(req.socket.remoteAddress ?? ""));
  const from = {
    clientAddress: clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted),
    protocol: clientProtocol(req, peerTrusted),
  };
  if (isApiPath(req.url)) return proxyToApi(req, res, from);
  // Next.js reads these (x-forwarded-host for its server-action origin check), so an untrusted client
  // must not choose them.
  if (!peerTrusted) {
    delete req.headers.forwarded;
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-port"];
  }
  req.headers["x-forwarded-for"] = from.clientAddress;
  req.headers["x-forwarded-proto"] = from.protocol;
  void handle(req, res);
});
server.listen(webEnv.WEB_PORT, () => {
  console.log(`[web] ${dev ? "development" : "production"} server on http://localhost:${webEnv.WEB_PORT}/`);
});
