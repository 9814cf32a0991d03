import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const TEST_REDIS_URL = "redis://127.0.0.1:6379/0";

export interface TestRedis {
  redis: Redis;
  /** Every key this client writes starts with it, so test files never see each other's keys. */
  prefix: string;
  /** Deletes this file's keys and closes the client. */
  cleanup(): Promise<void>;
}

/** A Redis client for one integration test file, with its own key prefix. */
export async function createTestRedis(url = TEST_REDIS_URL): Promise<TestRedis> {
  const prefix = `test:${randomBytes(6).toString("hex")}:`;
  const redis = new Redis(url, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  await redis.ping();
  return {
    redis,
    prefix,
    async cleanup() {
      // keyPrefix is not applied to SCAN patterns or to DEL of returned keys, so use a plain client.
      const plain = new Redis(url);
      try {
        let cursor = "0";
        do {
          const [next, keys] = await plain.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
          cursor = next;
          if (keys.length) await plain.del(...keys);
        } while (cursor !== "0");
      } finally {
        plain.disconnect();
        redis.disconnect();
      }
    },
  };
}
