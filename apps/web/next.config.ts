import type { NextConfig } from "next";
import { webEnv } from "./src/env.ts";
import { securityHeaders } from "./src/security-headers.ts";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Type checking is `pnpm typecheck` (TypeScript 7); Next's own check needs the TS 5/6 compiler API.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path((?!api/).*)", headers: securityHeaders(webEnv.NODE_ENV === "development") }];
  },
  async rewrites() {
    // The browser sees one origin: /api/* (tRPC, REST, auth) is proxied to apps/api.
    return [{ source: "/api/:path*", destination: `${webEnv.API_INTERNAL_URL}/api/:path*` }];
  },
};

export default config;
