import { describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";

describe("readApiEnv", () => {
  it("uses the documented defaults", () => {
    const env = readApiEnv({});
    expect(env.API_PORT).toBe(4000);
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/stockroom");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379/0");
  });

  it("stops on a bad port with a message naming API_PORT", () => {
    expect(() => readApiEnv({ API_PORT: "99999" })).toThrow(
      /API_PORT: expected a port between 1 and 65535 \(got "99999"\)/,
    );
  });

  it("stops on a bad Redis URL with a message naming REDIS_URL", () => {
    expect(() => readApiEnv({ REDIS_URL: "localhost:6379" })).toThrow(/REDIS_URL: expected a redis:\/\/ URL/);
  });

  it("stops on a database URL that is not Postgres, naming DATABASE_URL", () => {
    expect(() => readApiEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: expected a postgresql:\/\/ URL/,
    );
  });
});

describe("TRUST_PROXY: the API trusts exactly the configured hops (issue 10, 1)", () => {
  it("trusts the web app's server on loopback by default", () => {
    expect(readApiEnv({}).TRUST_PROXY).toEqual(["loopback"]);
  });

  it("reads true, false and lists of addresses, CIDR ranges and names", () => {
    expect(readApiEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(readApiEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(readApiEnv({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8,uniquelocal" }).TRUST_PROXY).toEqual(
      ["127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8", "uniquelocal"],
    );
  });

  it.each(["localhost", "1", "10.0.0.0/33", "loopback,", "10.0.0.1/8/8"])(
    "stops on %j, naming TRUST_PROXY",
    (value) => {
      expect(() => readApiEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: expected true, false or/);
    },
  );
});

describe("METRICS_TOKEN", () => {
  it("is optional (then /metrics answers loopback clients only) and kept as given", () => {
    expect(readApiEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(readApiEnv({ METRICS_TOKEN: "a-long-enough-scrape-token" }).METRICS_TOKEN).toBe(
      "a-long-enough-scrape-token",
    );
  });

  it("stops on a token shorter than 16 characters, naming METRICS_TOKEN", () => {
    expect(() => readApiEnv({ METRICS_TOKEN: "short" })).toThrow(
      /METRICS_TOKEN: expected at least 16 characters/,
    );
  });
});

describe("REDIS_SENTINELS and REDIS_SENTINEL_NAME (issue 12, 6)", () => {
  it("are unset by default: REDIS_URL names the one Redis", () => {
    const env = readApiEnv({});
    expect(env.REDIS_SENTINELS).toBeUndefined();
    expect(env.REDIS_SENTINEL_NAME).toBeUndefined();
  });

  it("reads host:port pairs, IPv6 in brackets", () => {
    const env = readApiEnv({
      REDIS_SENTINELS: "10.0.0.1:26379, sentinel-b:26380,[::1]:26381",
      REDIS_SENTINEL_NAME: "stockroom",
    });
    expect(env.REDIS_SENTINELS).toEqual([
      { host: "10.0.0.1", port: 26379 },
      { host: "sentinel-b", port: 26380 },
      { host: "::1", port: 26381 },
    ]);
    expect(env.REDIS_SENTINEL_NAME).toBe("stockroom");
  });

  it("stops on an entry without a valid port, naming REDIS_SENTINELS and the entry", () => {
    expect(() => readApiEnv({ REDIS_SENTINELS: "a:26379,b", REDIS_SENTINEL_NAME: "m" })).toThrow(
      /REDIS_SENTINELS: expected host:port pairs; "b" is not one/,
    );
    expect(() => readApiEnv({ REDIS_SENTINELS: "a:70000", REDIS_SENTINEL_NAME: "m" })).toThrow(
      /REDIS_SENTINELS/,
    );
  });

  it("stops when Sentinels are set without the master's name", () => {
    expect(() => readApiEnv({ REDIS_SENTINELS: "a:26379" })).toThrow(/REDIS_SENTINEL_NAME: is required/);
  });
});

describe("DATABASE_REPLICA_URL (issue 12, 7)", () => {
  it("is optional and must be a Postgres URL", () => {
    expect(readApiEnv({}).DATABASE_REPLICA_URL).toBeUndefined();
    expect(
      readApiEnv({ DATABASE_REPLICA_URL: "postgresql://r@10.0.0.2/stockroom" }).DATABASE_REPLICA_URL,
    ).toBe("postgresql://r@10.0.0.2/stockroom");
    expect(() => readApiEnv({ DATABASE_REPLICA_URL: "mysql://x" })).toThrow(/DATABASE_REPLICA_URL/);
  });
});
