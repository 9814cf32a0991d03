import { ensureDatabase } from "@stockroom/db";
import { resetSchema } from "@stockroom/db/reset";
import { Redis } from "ioredis";
import { e2eEnv } from "./e2e-env.ts";

// Every e2e run starts from an empty database; `pnpm start` (the web server below) migrates and seeds it.
await ensureDatabase(e2eEnv.E2E_DATABASE_URL);
await resetSchema(e2eEnv.E2E_DATABASE_URL);
const redis = new Redis(e2eEnv.E2E_REDIS_URL);
await redis.flushdb();
redis.disconnect();
console.log(`e2e database reset: ${e2eEnv.E2E_DATABASE_URL}, Redis ${e2eEnv.E2E_REDIS_URL} flushed`);
