import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createTestRedis, TEST_REDIS_URL } from "./testing.ts";

describe("per-file Redis prefix", () => {
  it("keeps each file's keys apart and removes them on cleanup", async () => {
    const first = await createTestRedis();
    const second = await createTestRedis();
    expect(first.prefix).not.toBe(second.prefix);
    await first.redis.set("shared-name", "first");
    await second.redis.set("shared-name", "second");
    expect(await first.redis.get("shared-name")).toBe("first");
    expect(await second.redis.get("shared-name")).toBe("second");

    await first.cleanup();
    const plain = new Redis(TEST_REDIS_URL);
    try {
      expect(await plain.exists(`${first.prefix}shared-name`)).toBe(0);
      expect(await plain.exists(`${second.prefix}shared-name`)).toBe(1);
    } finally {
      await second.cleanup();
      expect(await plain.exists(`${second.prefix}shared-name`)).toBe(0);
      plain.disconnect();
    }
  });
});
