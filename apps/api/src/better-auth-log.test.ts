import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { betterAuthLog } from "./better-auth-log.ts";

function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: "debug" }, sink), lines };
}

describe("betterAuthLog", () => {
  it("writes better-auth's lines as the process's JSON at their level, with the error as err", () => {
    const { log, lines } = recordingLogger();
    const authLog = betterAuthLog(log);
    authLog("warn", "User not found");
    authLog("error", "Failed to create user", new Error("duplicate key"), { email: "a@b.c" });
    expect(lines).toMatchObject([
      { level: 40, component: "better-auth", msg: "User not found" },
      {
        level: 50,
        msg: "Failed to create user",
        err: { message: "duplicate key" },
        details: [{ email: "a@b.c" }],
      },
    ]);
  });

  it("logs Postgres being unreachable as a warning, whether it gets the error or only its text", () => {
    const { log, lines } = recordingLogger();
    const authLog = betterAuthLog(log);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    authLog("error", "Failed to get session", refused);
    authLog("error", "Connection terminated unexpectedly");
    expect(lines.map((line) => line.level)).toEqual([40, 40]);
    expect(lines[0]?.msg).toBe("Failed to get session (Postgres unreachable)");
  });
});
