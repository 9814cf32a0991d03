import { parseEnv } from "@stockroom/db";
import { z } from "zod";

const port = z.coerce
  .number({ message: "expected a port number" })
  .int()
  .min(1, "expected 1-65535")
  .max(65535, "expected 1-65535");

const StartEnvSchema = z.object({
  API_PORT: port.default(4000),
  WEB_PORT: port.default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|pglite:)/, "expected a postgresql:// URL or pglite:<directory>")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "expected a redis:// URL")
    .default("redis://127.0.0.1:6379/0"),
  SEED_PASSWORD: z.string().min(8, "expected at least 8 characters").default("stockroom-demo"),
  AUTH_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
  WEB_ORIGINS: z.string().optional(),
});

export type StartEnv = z.infer<typeof StartEnvSchema>;

export function readStartEnv(source: Record<string, string | undefined> = process.env): StartEnv {
  return parseEnv(StartEnvSchema, source);
}

/** What child processes inherit: the parent's environment, minus nothing, plus what start decided. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...overrides };
}

/**
 * How long `pnpm start` waits after SIGTERM before it kills a child: the API's drain window
 * (SHUTDOWN_DRAIN_MS, default 5 s) plus 10 s for in-flight requests, running jobs and closing pools.
 * A value the API would refuse counts as the default here; the API itself then says what is wrong.
 */
export function stopGraceMs(source: Record<string, string | undefined> = process.env): number {
  const drain = Number(source.SHUTDOWN_DRAIN_MS ?? "5000");
  const drainMs = Number.isInteger(drain) && drain >= 0 && drain <= 600_000 ? drain : 5_000;
  return drainMs + 10_000;
}
