import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exclusiveTaxCents, inclusiveTaxCents } from "./tax.ts";

const cents = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000_000_000 }));
const ratePpm = fc.oneof(
  fc.constantFrom(0, 50_000, 72_500, 82_500, 88_750, 190_000, 200_000, 250_000, 1_000_000),
  fc.integer({ min: 0, max: 1_000_000 }),
);

describe("tax properties", () => {
  it("rounds exclusive tax once: within half a cent of net × rate", () => {
    fc.assert(
      fc.property(cents, ratePpm, (net, rate) => {
        const tax = exclusiveTaxCents(net, rate);
        const error = (BigInt(tax) * 1_000_000n - BigInt(net) * BigInt(rate)) * 2n;
        expect(error <= 1_000_000n && error >= -1_000_000n).toBe(true);
      }),
    );
  });

  it("splits a gross amount into net + tax exactly, and the net's exclusive tax is within a cent of it", () => {
    fc.assert(
      fc.property(cents, ratePpm, (gross, rate) => {
        const tax = inclusiveTaxCents(gross, rate);
        const net = gross - tax;
        expect(tax).toBeGreaterThanOrEqual(0);
        expect(net).toBeGreaterThanOrEqual(0);
        expect(net + tax).toBe(gross);
        expect(Math.abs(exclusiveTaxCents(net, rate) - tax)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("agrees with exclusive tax at rate 0 (no tax either way)", () => {
    fc.assert(
      fc.property(cents, (amount) => {
        expect(inclusiveTaxCents(amount, 0)).toBe(0);
        expect(exclusiveTaxCents(amount, 0)).toBe(0);
      }),
    );
  });
});
