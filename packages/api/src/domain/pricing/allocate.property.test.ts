import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.ts";

const weights = fc.uniqueArray(
  fc.record({
    key: fc.string({ minLength: 1, maxLength: 6 }),
    // Few distinct small weights make equal remainders common, so the tie-break is exercised.
    weight: fc.oneof(
      fc.constantFrom(0, 1, 3, 1000),
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 1_000_000_000_000 }),
    ),
  }),
  { minLength: 1, maxLength: 12, selector: ({ key }) => key },
);

const allocation = weights
  .filter((list) => list.some(({ weight }) => weight > 0))
  .chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
    ),
  );

describe("allocate properties", () => {
  it("adds up exactly, and each share is within 1 of its exact proportional share", () => {
    fc.assert(
      fc.property(allocation, ([list, total]) => {
        const shares = allocate(total, list);
        const weightSum = list.reduce((sum, { weight }) => sum + BigInt(weight), 0n);
        expect(shares.reduce((sum, share) => sum + BigInt(share), 0n)).toBe(BigInt(total));
        shares.forEach((share, index) => {
          expect(Number.isSafeInteger(share) && share >= 0).toBe(true);
          // |share − total × w / W| < 1, without fractions.
          const gap = BigInt(share) * weightSum - BigInt(total) * BigInt(list[index]!.weight);
          expect(gap < weightSum && gap > -weightSum).toBe(true);
          if (list[index]!.weight === 0) expect(share).toBe(0);
        });
      }),
    );
  });

  it("gives each key the same share whatever the order of the weights", () => {
    fc.assert(
      fc.property(allocation, ([list, total, shuffled]) => {
        const byKey = (entries: typeof list) => {
          const shares = allocate(total, entries);
          return Object.fromEntries(entries.map(({ key }, index) => [key, shares[index]]));
        };
        expect(byKey(shuffled)).toEqual(byKey(list));
      }),
    );
  });

  it("gives no share more than its own weight when the total is at most the weights' sum", () => {
    fc.assert(
      fc.property(allocation, ([list, total]) => {
        const weightSum = list.reduce((sum, { weight }) => sum + weight, 0);
        const capped = Math.min(total, weightSum);
        allocate(capped, list).forEach((share, index) => {
          expect(share).toBeLessThanOrEqual(list[index]!.weight);
        });
      }),
    );
  });
});
