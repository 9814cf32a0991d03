import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { readApiEnv } from "./env.ts";
import { createServices } from "./services.ts";

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: "warn" }, stream), lines };
}

describe("start-up without Redis", () => {
  it("runs in a clearly logged single-process mode in development", async () => {
    const { log, lines } = capturingLogger();
    const services = await createServices(
      readApiEnv({ NODE_ENV: "development", REDIS_URL: "redis://127.0.0.1:1/0" }),
      log,
    );
    try {
      expect(services.redis).toBeUndefined();
      expect(lines.join("")).toContain("SINGLE-PROCESS MODE");
    } finally {
      await services.db.$disconnect();
    }
  });

  it("refuses to start in production, naming REDIS_URL", async () => {
    const { log } = capturingLogger();
    const env = readApiEnv({
      NODE_ENV: "production",
      REDIS_URL: "redis://127.0.0.1:1/0",
      AUTH_SECRET: "p".repeat(40),
    });
    await expect(createServices(env, log)).rejects.toThrow(
      "Redis is required in production, but nothing answered at REDIS_URL=redis://127.0.0.1:1/0",
    );
  });

  it("refuses to start in production without AUTH_SECRET", () => {
    expect(() => readApiEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
  });
});
