import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, type RequestOrigin } from "./csrf.ts";

const trusted = ["http://localhost:3000"];
const base: RequestOrigin = { method: "POST", origin: undefined, secFetchSite: undefined, hasCookie: true };

describe("isCrossSiteRequest", () => {
  it.each([
    ["a POST with the cookie from a foreign origin", { origin: "https://evil.example" }, true],
    ["a POST with the cookie from an opaque origin", { origin: "null" }, true],
    ["a POST with the cookie from our origin", { origin: "http://localhost:3000" }, false],
    ["a cross-site POST known only by Sec-Fetch-Site", { secFetchSite: "cross-site" }, true],
    ["a same-site (other port) POST known only by Sec-Fetch-Site", { secFetchSite: "same-site" }, true],
    ["a same-origin POST known only by Sec-Fetch-Site", { secFetchSite: "same-origin" }, false],
    [
      "a POST without cookie from a foreign origin",
      { origin: "https://evil.example", hasCookie: false },
      false,
    ],
    ["a GET with the cookie from a foreign origin", { method: "GET", origin: "https://evil.example" }, false],
    ["a non-browser POST (no Origin, no Sec-Fetch-Site)", {}, false],
  ] as const)("%s → refused: %s", (_name, overrides, refused) => {
    expect(isCrossSiteRequest({ ...base, ...overrides }, trusted)).toBe(refused);
  });
});
