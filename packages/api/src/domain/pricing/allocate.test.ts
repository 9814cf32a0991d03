import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";

describe("allocate", () => {
  it("splits in proportion when the total divides evenly", () => {
    expect(
      allocate(600, [
        { key: "a", weight: 1 },
        { key: "b", weight: 2 },
        { key: "c", weight: 3 },
      ]),
    ).toEqual([100, 200, 300]);
  });

  it("gives the left-over units to the largest remainders", () => {
    // Exact shares 4.4, 4.2, 1.4: the floors 4, 4, 1 leave one unit for the largest remainder, and the
    // tie between c's and a's 0.4 goes to the smaller key, a.
    expect(
      allocate(10, [
        { key: "c", weight: 22 },
        { key: "b", weight: 21 },
        { key: "a", weight: 7 },
      ]),
    ).toEqual([4, 4, 2]);
  });

  it("breaks ties by key, not by position", () => {
    const lines = [
      { key: "c", weight: 1000 },
      { key: "a", weight: 1000 },
      { key: "b", weight: 1000 },
    ];
    expect(allocate(1000, lines)).toEqual([333, 334, 333]);
    expect(allocate(1000, [...lines].reverse())).toEqual([333, 334, 333]);
    expect(allocate(2, lines)).toEqual([0, 1, 1]);
  });

  it("gives nothing to a zero weight", () => {
    expect(
      allocate(5, [
        { key: "a", weight: 0 },
        { key: "b", weight: 1 },
        { key: "c", weight: 1 },
      ]),
    ).toEqual([0, 3, 2]);
    expect(allocate(0, [{ key: "a", weight: 0 }])).toEqual([0]);
    expect(allocate(0, [])).toEqual([]);
  });

  it("refuses what it cannot split", () => {
    expect(() => allocate(1, [{ key: "a", weight: 0 }])).toThrow(RangeError);
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(-1, [{ key: "a", weight: 1 }])).toThrow(RangeError);
    expect(() => allocate(1.5, [{ key: "a", weight: 1 }])).toThrow(RangeError);
    expect(() => allocate(1, [{ key: "a", weight: -1 }])).toThrow(RangeError);
    expect(() =>
      allocate(1, [
        { key: "a", weight: 1 },
        { key: "a", weight: 2 },
      ]),
    ).toThrow(/twice/);
  });

  it("stays exact beyond float precision of the intermediate product", () => {
    const big = Number.MAX_SAFE_INTEGER;
    const shares = allocate(big, [
      { key: "a", weight: big },
      { key: "b", weight: big - 1 },
    ]);
    expect(shares[0]! + shares[1]!).toBe(big);
  });
});
