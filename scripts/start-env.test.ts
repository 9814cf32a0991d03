import { describe, expect, it } from "vitest";
import { stopGraceMs } from "./start-env.ts";

describe("stopGraceMs: how long pnpm start waits for a child after SIGTERM", () => {
  it("is the API's drain window plus 10 s, so a long SHUTDOWN_DRAIN_MS is not cut short by SIGKILL", () => {
    expect(stopGraceMs({})).toBe(15_000);
    expect(stopGraceMs({ SHUTDOWN_DRAIN_MS: "0" })).toBe(10_000);
    expect(stopGraceMs({ SHUTDOWN_DRAIN_MS: "30000" })).toBe(40_000);
  });

  it("treats a value the API would refuse as the default (the API reports it)", () => {
    expect(stopGraceMs({ SHUTDOWN_DRAIN_MS: "soon" })).toBe(15_000);
    expect(stopGraceMs({ SHUTDOWN_DRAIN_MS: "-1" })).toBe(15_000);
    expect(stopGraceMs({ SHUTDOWN_DRAIN_MS: "9999999" })).toBe(15_000);
  });
});
