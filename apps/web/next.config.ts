import type { NextConfig } from "next";
import { webEnv } from "./src/env.ts";
import { securityHeaders } from "./src/security-headers.ts";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking is `pnpm typecheck` (TypeScript 7); Next's own check needs the TS 5/6 compiler API.
  typescript: { ignoreBuildErrors: true },
  // Metadata (the <title> above all) is resolved before the page streams, for every client: streamed
  // metadata lands in <body>, where browsers' tabs and history, screen readers and Lighthouse's SEO
  // audit see it late or not at all.
  htmlLimitedBots: /.*/,
  async headers() {
    return [{ source: "/:path((?!api/).*)", headers: securityHeaders(webEnv.NODE_ENV === "development") }];
  },
  // No rewrite of /api/*: server.ts proxies it to apps/api itself, with the client's real address.
};

export default config;
