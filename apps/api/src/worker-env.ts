import { parseEnv } from "@stockroom/db";
import { z } from "zod";

function milliseconds(fallback: number) {
  return z.coerce
    .number({ message: "expected a number of milliseconds" })
    .int("expected a whole number of milliseconds")
    .min(100, "expected at least 100 ms")
    .max(3_600_000, "expected at most 3600000 ms (one hour)")
    .default(fallback);
}

const WorkerEnvSchema = z
  .object({
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
    /** How often this worker writes its heartbeat (ms); see docs/adr/0009-worker-heartbeats.md. */
    WORKER_HEARTBEAT_MS: milliseconds(5_000),
    /** How often it looks for dead workers whose jobs to unlock (ms). */
    WORKER_SWEEP_MS: milliseconds(10_000),
    /** A worker silent for longer than this (ms) is dead; its jobs run again on a live worker. */
    WORKER_STALE_AFTER_MS: milliseconds(30_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .refine((env) => env.WORKER_STALE_AFTER_MS >= 3 * env.WORKER_HEARTBEAT_MS, {
    message: "expected at least three heartbeats (WORKER_HEARTBEAT_MS) per WORKER_STALE_AFTER_MS",
    path: ["WORKER_STALE_AFTER_MS"],
  });

export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  return parseEnv(WorkerEnvSchema, source);
}
