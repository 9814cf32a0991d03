import { DEFAULT_TIME_ZONE, isTimeZone } from "@stockroom/api/schemas";
import { z } from "zod";

// The web app's configuration, parsed once. API_INTERNAL_URL is where the web server reaches apps/api:
// server.ts proxies /api/* there and server components call it, both read at run time.
const WebEnvSchema = z.object({
  API_INTERNAL_URL: z
    .url({ message: "expected an http:// URL of apps/api, e.g. http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  WEB_PORT: z.coerce.number().int().min(1).max(65535, "expected a port between 1 and 65535").default(3000),
  /**
   * Which hops in front of the web app (nginx, a load balancer) may tell it the client's address in
   * X-Forwarded-For: false (nobody: the connection's peer is the client), true, or a comma-separated list
   * of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. Checked by server.ts.
   */
  WEB_TRUST_PROXY: z.string().default("false"),
  /** The IANA time zone every date on the storefront and in the admin console is shown in. */
  SHOP_TIME_ZONE: z
    .string()
    .refine(isTimeZone, { message: "expected an IANA time zone, e.g. Europe/Berlin or America/New_York" })
    .default(DEFAULT_TIME_ZONE),
});

function readWebEnv() {
  const source = {
    API_INTERNAL_URL: process.env.API_INTERNAL_URL || undefined,
    NODE_ENV: process.env.NODE_ENV || undefined,
    WEB_PORT: process.env.WEB_PORT || undefined,
    WEB_TRUST_PROXY: process.env.WEB_TRUST_PROXY || undefined,
    SHOP_TIME_ZONE: process.env.SHOP_TIME_ZONE || undefined,
  };
  const result = WebEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
}

export const webEnv = readWebEnv();
