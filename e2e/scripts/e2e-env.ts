import { parseEnv } from "@stockroom/db";
import { z } from "zod";

// The e2e run has its own database and ports, so it never touches a developer's `pnpm start`.
const E2eEnvSchema = z.object({
  E2E_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgresql:// URL")
    .default("postgresql://postgres@127.0.0.1:5432/stockroom_e2e"),
  E2E_API_PORT: z.coerce.number().int().min(1).max(65535).default(4100),
  E2E_WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  /** A Redis database of its own, flushed before each run (limits and sessions start clean). */
  E2E_REDIS_URL: z
    .string()
    .regex(/^redis:\/\//, "expected a redis:// URL")
    .default("redis://127.0.0.1:6379/2"),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  CI: z.string().optional(),
});

export const e2eEnv = parseEnv(E2eEnvSchema, process.env);
