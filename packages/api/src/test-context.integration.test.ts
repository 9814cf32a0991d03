import { TEST_SERVER_URL } from "@stockroom/db/testing";
import { Redis } from "ioredis";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openTestContext, TEST_REDIS_URL, useTestContext } from "./testing.ts";

const t = useTestContext({ redis: true });
const withoutRedis = useTestContext();

function errorOf(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  return undefined;
}

// Read when the file loads, before any beforeAll ran.
const readAtLoad = errorOf(() => t.db);

async function databaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe("useTestContext", () => {
  it("refuses a read before beforeAll ran, saying where to read instead", () => {
    expect(readAtLoad).toBeInstanceOf(Error);
    expect((readAtLoad as Error).message).toMatch(/opened in beforeAll.*inside a hook or a test/);
  });

  it("gives the file its own database, Redis prefix and services over them", async () => {
    expect(t.url).toContain(`/${t.name}`);
    expect(await t.db.product.count()).toBe(0);
    await t.redis.set("probe", "1");
    expect(await t.services.redis?.get("probe")).toBe("1");
    expect(withoutRedis.name).not.toBe(t.name);
    expect(withoutRedis.services.redis).toBeUndefined();
    expect(errorOf(() => withoutRedis.redis)).toMatchObject({
      message: expect.stringMatching(/redis: true/),
    });
  });
});

describe("openTestContext", () => {
  it("close() drops the clone and deletes the file's Redis keys", async () => {
    const context = await openTestContext({ redis: true });
    const prefix = context.testRedis!.prefix;
    await context.testRedis!.redis.set("probe", "1");
    expect(await databaseExists(context.name)).toBe(true);

    await context.close();

    expect(await databaseExists(context.name)).toBe(false);
    const plain = new Redis(TEST_REDIS_URL);
    try {
      expect(await plain.exists(`${prefix}probe`)).toBe(0);
    } finally {
      plain.disconnect();
    }
  });
});
