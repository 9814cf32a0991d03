import { describe, expect, it } from "vitest";
import { readWorkerEnv } from "./worker-env.ts";

describe("readWorkerEnv", () => {
  it("uses the documented defaults, with mail stored rather than sent", () => {
    expect(readWorkerEnv({})).toEqual({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/stockroom",
      MAIL_FROM: "Stockroom <orders@stockroom.dev>",
      WORKER_CONCURRENCY: 5,
      LOG_LEVEL: "info",
    });
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
