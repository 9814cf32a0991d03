import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next.ts";

describe("safeNext: open redirect after sign-in (issue 10, 3)", () => {
  it.each([
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\\/evil.example",
    "//evil.example",
    "/\\/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "/ok\u0000",
    "/ok\u007f",
    "",
  ])("refuses %j", (next) => {
    expect(safeNext(next)).toBe("/account");
  });

  it("refuses a missing or repeated parameter", () => {
    expect(safeNext(undefined)).toBe("/account");
    expect(safeNext(["/orders", "//evil.example"])).toBe("/account");
  });

  it.each([
    ["/checkout", "/checkout"],
    ["/orders/abc?placed=1#top", "/orders/abc?placed=1#top"],
    ["/search?q=a%2Fb", "/search?q=a%2Fb"],
    ["/%5Cevil.example", "/%5Cevil.example"],
  ])("keeps the same-origin path %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
