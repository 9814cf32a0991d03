import { parseEnv } from "@stockroom/db";
import { z } from "zod";

const port = z.coerce
  .number({ message: "expected a port number" })
  .int("expected a whole number")
  .min(1, "expected a port between 1 and 65535")
  .max(65535, "expected a port between 1 and 65535");

const ApiEnvSchema = z.object({
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
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export type ApiEnv = z.infer<typeof ApiEnvSchema>;

export function readApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  return parseEnv(ApiEnvSchema, source);
}
