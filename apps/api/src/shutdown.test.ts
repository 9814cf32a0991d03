import { describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";

describe("SHUTDOWN_DRAIN_MS", () => {
  it("defaults to a 5 s drain window and accepts 0", () => {
    expect(readApiEnv({}).SHUTDOWN_DRAIN_MS).toBe(5_000);
    expect(readApiEnv({ SHUTDOWN_DRAIN_MS: "0" }).SHUTDOWN_DRAIN_MS).toBe(0);
  });

  it("refuses a value that is not a whole number of milliseconds, naming the variable", () => {
    expect(() => readApiEnv({ SHUTDOWN_DRAIN_MS: "5s" })).toThrow(/SHUTDOWN_DRAIN_MS: expected milliseconds/);
    expect(() => readApiEnv({ SHUTDOWN_DRAIN_MS: "-1" })).toThrow(/SHUTDOWN_DRAIN_MS: expected 0 or more/);
  });
});
