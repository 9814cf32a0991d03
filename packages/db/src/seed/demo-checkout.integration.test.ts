import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing.ts";
import { seedDemo } from "./demo.ts";

const t = useTestDatabase({ poolSize: 2 });

describe("demo seed: shipping and tax (issue 15)", () => {
  it("has zones for the US, the EU and the rest of the world, each with its methods", async () => {
    await seedDemo(t.db, { password: "stockroom-demo" });
    const zones = await t.db.shippingZone.findMany({
      orderBy: { position: "asc" },
      include: { regions: true, methods: { orderBy: { position: "asc" } } },
    });
    expect(zones.map((zone) => [zone.name, zone.regions.length])).toEqual([
      ["United States", 1],
      ["European Union", 27],
      ["Rest of the world", 1],
    ]);
    expect(zones[0]?.regions).toMatchObject([{ country: "US", state: "" }]);
    expect(zones[2]?.regions[0]?.country.trim()).toBe("*");
    expect(
      zones.flatMap((zone) =>
        zone.methods.map((m) => [zone.name, m.name, m.kind, m.priceCents, m.thresholdCents]),
      ),
    ).toEqual([
      ["United States", "Standard", "free_over", 500, 7500],
      ["United States", "Express", "flat", 1500, null],
      ["European Union", "Standard", "weight", 0, null],
      ["Rest of the world", "International", "flat", 2500, null],
    ]);
    const tiers = zones[1]?.methods[0]?.weightTiers as { upToGrams: number | null }[];
    expect(tiers.at(-1)?.upToGrams).toBeNull();
  });

  it("has a sales tax rate for the 50 states and DC and a VAT rate for the 27 EU countries", async () => {
    const us = await t.db.taxRate.findMany({ where: { country: "US" } });
    expect(us).toHaveLength(51);
    expect(us.every((rate) => /^[A-Z]{2}$/.test(rate.state))).toBe(true);
    expect(us.find((rate) => rate.state === "CA")).toMatchObject({ ratePpm: 72_500, shippingRatePpm: null });
    expect(us.find((rate) => rate.state === "NY")).toMatchObject({
      ratePpm: 40_000,
      shippingRatePpm: 40_000,
    });
    expect(us.filter((rate) => rate.shippingRatePpm !== null).length).toBeGreaterThanOrEqual(5);

    const eu = await t.db.taxRate.findMany({ where: { NOT: { country: "US" } } });
    expect(eu).toHaveLength(27);
    expect(eu.every((rate) => rate.state === "" && rate.shippingRatePpm === rate.ratePpm)).toBe(true);
    expect(eu.find((rate) => rate.country === "DE")).toMatchObject({ ratePpm: 190_000 });
  });

  it("adds nothing on a second run", async () => {
    const counts = async () => [
      await t.db.shippingZone.count(),
      await t.db.shippingZoneRegion.count(),
      await t.db.shippingMethod.count(),
      await t.db.taxRate.count(),
    ];
    const before = await counts();
    await seedDemo(t.db, { password: "stockroom-demo" });
    expect(await counts()).toEqual(before);
  });
});
