import { z } from "zod";
import { parseEnv } from "./parse-env.ts";

export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/stockroom";

const DbEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine((value) => /^(postgres(ql)?:\/\/|pglite:)/.test(value), {
      message: "expected a postgresql:// URL or pglite:<directory>",
    })
    .optional(),
  SEED_PASSWORD: z.string().min(8, "expected at least 8 characters").default("stockroom-demo"),
});

export type DbEnv = z.infer<typeof DbEnvSchema>;

export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  return parseEnv(DbEnvSchema, source);
}
