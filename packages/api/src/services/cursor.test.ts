import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.ts";
import { decodeCursor, decodeSortCursor, encodeCursor, encodeSortCursor } from "./cursor.ts";

const id = "0b6a7b0e-9d2a-4c8e-9a51-3f0f3c6f2a11";
const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");

describe("keyset cursors", () => {
  it("round-trip", () => {
    const createdAt = new Date("2026-11-23T10:00:00.000Z");
    expect(decodeCursor(encodeCursor({ createdAt, id }))).toEqual({ createdAt, id });
    expect(decodeSortCursor(encodeSortCursor("name", "Mug", id), "name")).toEqual({ value: "Mug", id });
    expect(decodeCursor(encodeCursor({ createdAt, id: "user-text-id" }), { uuid: false }).id).toBe(
      "user-text-id",
    );
    expect(() => decodeCursor(forge(["2026-11-23T10:00:00.000Z", "user\u0000"]), { uuid: false })).toThrow(
      InvalidInputError,
    );
  });

  // Regression: forged cursors reached Postgres (JSON.parse errors, non-uuid ids cast to uuid) as 500s.
  it.each([
    ["not base64 json", "%%%"],
    ["not an array", forge({ a: 1 })],
    ["a bad date", forge(["yesterday", id])],
    ["a non-uuid id", forge(["2026-11-23T10:00:00.000Z", "1; DROP TABLE"])],
    ["a date before year 1", forge(["-000001-01-01T00:00:00.000Z", id])],
  ])("refuses a (createdAt, id) cursor with %s as invalid input", (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
  });

  // Regression (issue 10): values of the wrong kind for their sort reached Postgres as 500s.
  it.each([
    ["newest", "a non-date", ["newest", "x", id]],
    ["newest", "a number", ["newest", 5, id]],
    ["newest", "a year Postgres cannot hold", ["newest", "-271821-04-20T00:00:00.000Z", id]],
    ["price_asc", "text", ["price_asc", "abc", id]],
    ["price_asc", "a fraction", ["price_asc", 1.5, id]],
    ["price_desc", "a negative price", ["price_desc", -1, id]],
    ["price_desc", "a price beyond int4", ["price_desc", 2 ** 31, id]],
    ["name", "a number", ["name", 5, id]],
    ["name", "a NUL", ["name", "a\u0000", id]],
    ["unknown", "a sort no list has", ["unknown", "a", id]],
  ])("refuses a %s cursor holding %s", (sort, _name, parts) => {
    expect(() => decodeSortCursor(forge(parts), sort)).toThrow(InvalidInputError);
  });

  it("accepts each sort's own kind of value", () => {
    const newest = new Date("2026-11-23T10:00:00.000Z").toISOString();
    expect(decodeSortCursor(encodeSortCursor("newest", newest, id), "newest").value).toBe(newest);
    expect(decodeSortCursor(encodeSortCursor("price_asc", 0, id), "price_asc").value).toBe(0);
    expect(decodeSortCursor(encodeSortCursor("price_desc", 2_147_483_647, id), "price_desc").value).toBe(
      2_147_483_647,
    );
  });

  it.each([
    ["another sort", forge(["price_asc", 100, id])],
    ["a non-uuid id", forge(["name", "Mug", "x"])],
    ["an object value", forge(["name", { a: 1 }, id])],
    ["garbage", "!!"],
  ])("refuses a sort cursor with %s as invalid input", (_name, cursor) => {
    expect(() => decodeSortCursor(cursor, "name")).toThrow(InvalidInputError);
  });
});
