import { createRedis } from "@stockroom/api";
import { createDb } from "@stockroom/db";
import { readApiEnv } from "./env.ts";
import { buildServer } from "./server.ts";

const env = readApiEnv();
const db = createDb(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
const redis = createRedis(env.REDIS_URL);
const app = await buildServer({ db, redis, logLevel: env.LOG_LEVEL });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, "shutting down");
  await app.close();
  await Promise.allSettled([db.$disconnect(), redis.quit()]);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: env.API_PORT, host: env.API_HOST });
