import { parseEnv } from "@stockroom/db";
import { z } from "zod";

const port = z.coerce
  .number({ message: "expected a port number" })
  .int("expected a whole number")
  .min(1024, "expected a port between 1024 and 65535")
  .max(65535, "expected a port between 1024 and 65535");
const whole = (min: number, max: number) =>
  z.coerce
    .number({ message: "expected a whole number" })
    .int("expected a whole number")
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`);

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);

/** The bench only ever talks to this machine: a URL naming another host is refused. */
const loopbackUrl = (protocol: RegExp, example: string) =>
  z
    .string()
    .regex(protocol, `expected a URL such as ${example}`)
    .refine((value) => LOOPBACK_HOSTS.has(new URL(value).hostname), "expected a 127.0.0.1 host");

const BenchEnvSchema = z.object({
  BENCH_SECONDS: whole(1, 300).default(10),
  BENCH_WARMUP_SECONDS: whole(0, 60).default(3),
  BENCH_CONNECTIONS: whole(1, 500).default(20),
  BENCH_SHOPPERS: whole(1, 100).default(8),
  /** Connections per server, the same for the API and the bare pg baseline. */
  BENCH_POOL_SIZE: whole(1, 50).default(10),
  BENCH_DATABASE_URL: loopbackUrl(
    /^postgres(ql)?:\/\//,
    "postgresql://postgres@127.0.0.1:5432/stockroom_bench",
  )
    // The database is dropped on every run: refuse any name that does not say it is the bench's.
    .refine(
      (value) => new URL(value).pathname.includes("bench"),
      "expected a database name containing 'bench'",
    )
    .default("postgresql://postgres@127.0.0.1:5432/stockroom_bench"),
  /**
   * A database already holding the large seed (`pnpm db:seed --products 100000 --orders 1000000`):
   * when set, the admin lists and the dashboard are measured against it too. It is only read, never
   * dropped: seeding a million orders takes minutes, too long for every run.
   */
  BENCH_LARGE_DATABASE_URL: loopbackUrl(
    /^postgres(ql)?:\/\//,
    "postgresql://postgres@127.0.0.1:5432/stockroom_large",
  ).optional(),
  BENCH_LARGE_API_PORT: port.default(4404),
  /** The seeded admin account of the large database (the demo seed's; SEED_PASSWORD there). */
  BENCH_LARGE_ADMIN_EMAIL: z.string().default("admin@stockroom.dev"),
  BENCH_LARGE_ADMIN_PASSWORD: z.string().default("stockroom-demo"),
  /** Connections for the admin rows: one staff member paging through a list, by default. */
  BENCH_ADMIN_CONNECTIONS: whole(1, 500).default(1),
  BENCH_REDIS_URL: loopbackUrl(/^redis:\/\//, "redis://127.0.0.1:6379/0").default("redis://127.0.0.1:6379/0"),
  BENCH_API_PORT: port.default(4400),
  BENCH_LIST_BASELINE_PORT: port.default(4401),
  BENCH_ORDER_BASELINE_PORT: port.default(4402),
  BENCH_WEB_PORT: port.default(4403),
  /** Comma-separated words: only scenarios whose name contains one of them run (e.g. `REST,order`). */
  BENCH_ONLY: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((word) => word.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** A directory: the API runs with `--cpu-prof` and writes its profile there when it stops. */
  BENCH_API_PROFILE_DIR: z.string().optional(),
});

export type BenchEnv = z.infer<typeof BenchEnvSchema>;

export function readBenchEnv(source: Record<string, string | undefined> = process.env): BenchEnv {
  return parseEnv(BenchEnvSchema, source);
}
