import { parseEnv } from "@stockroom/db";
import { z } from "zod";

const WorkerEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      "expected a postgresql:// URL (pnpm start resolves pglite: URLs before the worker starts)",
    )
    .default("postgresql://postgres@127.0.0.1:5432/stockroom"),
  /** Unset: messages are stored in email_message instead of sent (development transport). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "expected an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3, "expected a sender such as Shop <orders@example.com>")
    .default("Stockroom <orders@stockroom.dev>"),
  WORKER_CONCURRENCY: z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected at least 1")
    .max(100, "expected at most 100")
    .default(5),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(WorkerEnvSchema, source);
}
