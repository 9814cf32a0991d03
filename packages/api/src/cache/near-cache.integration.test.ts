import type { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestRedis, type TestRedis } from "../testing.ts";
import { RedisNearCache } from "./near-cache.ts";

let testRedis: TestRedis;
let near: RedisNearCache;
/** Another process's client: its writes reach the near cache only through Redis's invalidations. */
let other: Redis;

beforeEach(async () => {
  testRedis = await createTestRedis();
  near = new RedisNearCache(testRedis.redis, { connectionName: testRedis.prefix });
  other = testRedis.redis.duplicate({ connectionName: `${testRedis.prefix}:other` });
  await expect.poll(() => near.active).toBe(true);
});
afterEach(async () => {
  other.disconnect();
  await testRedis.cleanup();
});

/** The client id of this test's invalidation connection. */
async function listenerId(): Promise<string | undefined> {
  const list = (await other.client("LIST")) as string;
  const line = list.split("\n").find((each) => each.includes(`name=${testRedis.prefix}:listener`));
  return line ? /id=(\d+)/.exec(line)?.[1] : undefined;
}

describe("Redis near cache", () => {
  it("answers repeated reads locally, and sees another client's change as soon as Redis reports it", async () => {
    await other.set("price", "100");
    expect(await near.get("price")).toBe("100");
    const hitsBefore = near.localHits;
    for (let i = 0; i < 5; i += 1) expect(await near.get("price")).toBe("100");
    expect(near.localHits - hitsBefore).toBe(5);
    expect(near.peek("price")).toBe("100");
    expect(near.peek("never-read")).toBeUndefined();

    await other.set("price", "150");
    await expect.poll(() => near.peek("price")).toBeUndefined();
    await expect.poll(() => near.get("price")).toBe("150");
    await other.del("price");
    await expect.poll(() => near.get("price")).toBeNull();
  });

  it("keeps nothing while its invalidation connection is down, and resumes tracking when it is back", async () => {
    await other.set("stock", "5");
    expect(await near.get("stock")).toBe("5");
    const listener = await listenerId();
    expect(listener).toBeDefined();
    await other.client("KILL", "ID", listener!);
    await expect.poll(() => near.active).toBe(false);
    // Changed while nobody listens for invalidations: the next read must not return the old copy.
    await other.set("stock", "4");
    expect(await near.get("stock")).toBe("4");
    await expect.poll(() => near.active).toBe(true);
    expect(await near.get("stock")).toBe("4");
    await other.set("stock", "3");
    await expect.poll(() => near.get("stock")).toBe("3");
  });

  it("drops a copy at once when asked, before any invalidation arrives", async () => {
    await testRedis.redis.set("version", "1");
    expect(await near.get("version")).toBe("1");
    await testRedis.redis.incr("version");
    near.forget("version");
    expect(await near.get("version")).toBe("2");
  });
});
