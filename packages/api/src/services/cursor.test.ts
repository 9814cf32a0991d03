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
  });

  // Regression: forged cursors reached Postgres (JSON.parse errors, non-uuid ids cast to uuid) as 500s.
  it.each([
    ["not base64 json", "%%%"],
    ["not an array", forge({ a: 1 })],
    ["a bad date", forge(["yesterday", id])],
    ["a non-uuid id", forge(["2026-11-23T10:00:00.000Z", "1; DROP TABLE"])],
  ])("refuses a (createdAt, id) cursor with %s as invalid input", (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidInputError);
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
