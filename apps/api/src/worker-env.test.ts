import { describe, expect, it } from "vitest";
import { readWorkerEnv } from "./worker-env.ts";

describe("readWorkerEnv", () => {
  it("uses the documented defaults, with mail stored rather than sent", () => {
    expect(readWorkerEnv({})).toEqual({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/stockroom",
      MAIL_FROM: "Stockroom <orders@stockroom.dev>",
      WORKER_CONCURRENCY: 5,
      WORKER_HEARTBEAT_MS: 5_000,
      WORKER_SWEEP_MS: 10_000,
      WORKER_STALE_AFTER_MS: 30_000,
      LOG_LEVEL: "info",
    });
  });

  it("reads the heartbeat intervals, and refuses a stale limit shorter than three heartbeats", () => {
    const env = readWorkerEnv({
      WORKER_HEARTBEAT_MS: "500",
      WORKER_SWEEP_MS: "1000",
      WORKER_STALE_AFTER_MS: "3000",
    });
    expect(env).toMatchObject({
      WORKER_HEARTBEAT_MS: 500,
      WORKER_SWEEP_MS: 1000,
      WORKER_STALE_AFTER_MS: 3000,
    });
    expect(() => readWorkerEnv({ WORKER_HEARTBEAT_MS: "5000", WORKER_STALE_AFTER_MS: "6000" })).toThrow(
      /WORKER_STALE_AFTER_MS: expected at least three heartbeats/,
    );
    expect(() => readWorkerEnv({ WORKER_SWEEP_MS: "soon" })).toThrow(
      /WORKER_SWEEP_MS: expected a number of milliseconds/,
    );
  });

  it("reads SMTP_URL and the concurrency", () => {
    const env = readWorkerEnv({ SMTP_URL: "smtps://user:pw@mail.example.com:465", WORKER_CONCURRENCY: "12" });
    expect(env.SMTP_URL).toBe("smtps://user:pw@mail.example.com:465");
    expect(env.WORKER_CONCURRENCY).toBe(12);
  });

  it("stops on bad values, naming each variable", () => {
    expect(() => readWorkerEnv({ SMTP_URL: "mail.example.com", WORKER_CONCURRENCY: "0" })).toThrow(
      /SMTP_URL: expected an smtp:\/\/ or smtps:\/\/ URL[\s\S]*WORKER_CONCURRENCY: expected at least 1/,
    );
  });
});
