import { redisStorage } from "@better-auth/redis-storage";
import type { Redis } from "ioredis";

type Storage = ReturnType<typeof redisStorage>;

/**
 * better-auth's Redis storage, made to degrade instead of failing requests while Redis is down:
 * sessions are also stored in Postgres, so a failed read is a cache miss and a failed write is
 * skipped. A failed delete is remembered and retried once Redis is back, so a sign-out or a
 * deactivation during an outage cannot leave a live session behind in Redis.
 */
export function createResilientSessionStorage(
  redis: Redis,
  keyPrefix: string,
  onError: (error: unknown) => void,
): Storage {
  const storage = redisStorage({ client: redis, keyPrefix });
  const pendingDeletes = new Set<string>();
  redis.on("ready", () => {
    for (const key of pendingDeletes) {
      storage.delete(key).then(() => pendingDeletes.delete(key), onError);
    }
  });
  const quietly =
    <Args extends unknown[], Result>(fallback: Result, fn: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      try {
        return await fn(...args);
      } catch (error) {
        onError(error);
        return fallback;
      }
    };
  return {
    ...storage,
    get: quietly(null, storage.get),
    getAndDelete: quietly(null, storage.getAndDelete),
    set: quietly(undefined, storage.set),
    async delete(key: string) {
      try {
        await storage.delete(key);
      } catch (error) {
        pendingDeletes.add(key);
        onError(error);
      }
    },
  };
}
