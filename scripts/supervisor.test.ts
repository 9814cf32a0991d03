import { describe, expect, it } from "vitest";
import { RestartPolicy } from "./supervisor.ts";

/** Runs a child that lives `upMs` each time and returns the policy's decisions. */
function crashes(policy: RestartPolicy, count: number, upMs: number, start = 0) {
  const decisions = [];
  let now = start;
  for (let crash = 0; crash < count; crash += 1) {
    const startedAt = now;
    now += upMs;
    const decision = policy.onExit(startedAt, now);
    decisions.push(decision);
    if (decision.action === "restart") now += decision.delayMs;
  }
  return { decisions, now };
}

describe("the restart policy of pnpm start", () => {
  it("doubles the pause after each crash from 0.5 s and caps it at 10 s", () => {
    const policy = new RestartPolicy({ maxCrashes: 100 });
    const { decisions } = crashes(policy, 8, 1_000);
    expect(decisions.map((decision) => decision.action === "restart" && decision.delayMs)).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000,
    ]);
  });

  it("gives up on the fifth crash within 60 s", () => {
    const policy = new RestartPolicy();
    const { decisions } = crashes(policy, 5, 100);
    expect(decisions.slice(0, 4).every((decision) => decision.action === "restart")).toBe(true);
    expect(decisions[4]).toEqual({ action: "give-up", crashes: 5 });
  });

  it("does not give up on crashes spread wider than the window", () => {
    const policy = new RestartPolicy();
    // One crash every 20 s: never more than three inside any 60 s.
    const { decisions } = crashes(policy, 20, 20_000);
    expect(decisions.every((decision) => decision.action === "restart")).toBe(true);
  });

  it("starts again from the shortest pause after a child stayed up 30 s", () => {
    const policy = new RestartPolicy();
    const first = crashes(policy, 3, 100);
    expect(first.decisions.at(-1)).toEqual({ action: "restart", delayMs: 2_000 });
    const startedAt = first.now;
    expect(policy.onExit(startedAt, startedAt + 30_000)).toEqual({ action: "restart", delayMs: 500 });
  });
});
