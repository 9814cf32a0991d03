import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EnvError, parseEnv } from "./parse-env.ts";

const Schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  URL: z.string().regex(/^redis:\/\//, "expected a redis:// URL"),
});

describe("parseEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    expect(parseEnv(Schema, { PORT: "", URL: "redis://x" })).toEqual({ PORT: 4000, URL: "redis://x" });
  });

  it("names every bad variable, what is expected and what it got", () => {
    let error: unknown;
    try {
      parseEnv(Schema, { PORT: "seventy", URL: "http://nope" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain("PORT: ");
    expect(message).toContain('got "seventy"');
    expect(message).toContain('URL: expected a redis:// URL (got "http://nope")');
  });

  it("says when a required variable is not set", () => {
    expect(() => parseEnv(Schema, {})).toThrow(/URL: .*\(it is not set\)/);
  });
});
