import { isIP } from "node:net";
import { parseEnv } from "@stockroom/db";
import { z } from "zod";

const port = z.coerce
  .number({ message: "expected a port number" })
  .int("expected a whole number")
  .min(1, "expected a port between 1 and 65535")
  .max(65535, "expected a port between 1 and 65535");
const count = z.coerce
  .number({ message: "expected a whole number" })
  .int("expected a whole number")
  .min(1, "expected at least 1");

// Which hops in front of the API may tell it the client's address (X-Forwarded-For), for Fastify's
// trustProxy: false, true, or addresses, CIDR ranges and proxy-addr's names. Checked here, so a typo stops
// start-up instead of trusting the wrong hops. The default is the web app's server on the same host.
const TRUST_PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
function isTrustedHop(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}
const trustProxy = z.string().transform((value, context): boolean | string[] => {
  const setting = value.trim().toLowerCase();
  if (setting === "true" || setting === "false") return setting === "true";
  const hops = setting.split(",").map((entry) => entry.trim());
  const invalid = hops.filter((entry) => !isTrustedHop(entry));
  if (invalid.length > 0)
    context.addIssue({
      code: "custom",
      message: `expected true, false or comma-separated addresses, CIDR ranges, loopback, linklocal or uniquelocal; "${invalid.join('", "')}" is none of these`,
    });
  return hops;
});

// REDIS_SENTINELS: comma-separated host:port pairs ([v6]:port for IPv6) of the Sentinels to ask for the master.
const sentinelList = z.string().transform((value, context) => {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const sentinels: { host: string; port: number }[] = [];
  for (const entry of entries) {
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(entry);
    const portNumber = Number(match?.[3]);
    if (!match || portNumber < 1 || portNumber > 65535) {
      context.addIssue({ code: "custom", message: `expected host:port pairs; "${entry}" is not one` });
      return z.NEVER;
    }
    sentinels.push({ host: (match[1] ?? match[2])!, port: portNumber });
  }
  if (sentinels.length === 0) {
    context.addIssue({ code: "custom", message: "expected at least one host:port" });
    return z.NEVER;
  }
  return sentinels;
});

const DEV_AUTH_SECRET = "stockroom-development-secret-not-for-production";

const ApiEnvSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "test", "production"], { message: "expected development, test or production" })
      .default("development"),
    API_PORT: port.default(4000),
    API_HOST: z.string().default("127.0.0.1"),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        "expected a postgresql:// URL (pnpm start resolves pglite: URLs before the server starts)",
      )
      .default("postgresql://postgres@127.0.0.1:5432/stockroom"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "expected a redis:// URL")
      .default("redis://127.0.0.1:6379/0"),
    // Set: ioredis asks these Sentinels for the master named REDIS_SENTINEL_NAME (REDIS_URL's host is then
    // ignored; its password, user and database number still apply).
    REDIS_SENTINELS: sentinelList.optional(),
    REDIS_SENTINEL_NAME: z
      .string()
      .min(1, "expected the master's name in the Sentinel configuration")
      .optional(),
    // Set: catalog reads that may be a moment stale go to this streaming replica; everything else to DATABASE_URL.
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected a postgresql:// URL")
      .optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
    WEB_ORIGINS: z
      .string()
      .default("http://localhost:3000,http://127.0.0.1:3000")
      .transform((value) =>
        value
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(z.url({ message: "expected comma-separated origins such as http://localhost:3000" })).min(1),
      ),
    TRUST_PROXY: trustProxy.default(["loopback"]),
    RATE_LIMITS: z.enum(["on", "off"], { message: "expected on or off" }).default("on"),
    RATE_LIMIT_SIGN_IN_FAILURES_PER_EMAIL: count.default(5),
    RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: count.default(100),
    RATE_LIMIT_SIGN_IN_FAILURES_PER_IP: count.default(30),
    RATE_LIMIT_SIGN_IN_BLOCK_SECONDS: count.default(60),
    RATE_LIMIT_SIGN_UPS_PER_IP: count.default(20),
    RATE_LIMIT_ORDERS_PER_USER: count.default(30),
    RATE_LIMIT_REQUESTS_PER_IP: count.default(1200),
    // After SIGTERM, /readyz answers 503 at once but requests are still served this long, so a load balancer
    // notices and moves traffic before the server closes.
    SHUTDOWN_DRAIN_MS: z.coerce
      .number({ message: "expected milliseconds" })
      .int("expected a whole number of milliseconds")
      .min(0, "expected 0 or more milliseconds")
      .max(600_000, "expected at most 600000 milliseconds (10 minutes)")
      .default(5_000),
    // Set: GET /metrics needs "Authorization: Bearer <token>". Unset: only clients on this host get it.
    METRICS_TOKEN: z.string().min(16, "expected at least 16 characters").optional(),
  })
  .superRefine((env, context) => {
    if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME) {
      context.addIssue({
        code: "custom",
        path: ["REDIS_SENTINEL_NAME"],
        message: "is required with REDIS_SENTINELS (the master's name in the Sentinel configuration)",
      });
    }
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET) {
      context.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (at least 32 random characters)",
      });
    }
  })
  .transform((env) => ({ ...env, AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET }));

export type ApiEnv = z.infer<typeof ApiEnvSchema>;

export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  return parseEnv(ApiEnvSchema, source);
}
