import type { Db } from "../client.ts";
import { demoShippingZones, euVatStandardRates, usStateSalesTax } from "./checkout-data.ts";

/**
 * The demo shop's shipping zones and methods and its tax rates. Adds only what is missing (a zone or
 * method by its name, a region or rate by its codes), so a second run and staff edits are kept. Skipped
 * on a database migrated only up to an earlier schema (migration tests seed one), where the tables are
 * absent.
 */
export async function seedCheckout(db: Db): Promise<void> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public.shipping_zone') IS NOT NULL AS exists`;
  if (!table?.exists) return;

  for (const [position, zone] of demoShippingZones.entries()) {
    const found = await db.shippingZone.findFirst({ where: { name: zone.name }, select: { id: true } });
    const zoneId =
      found?.id ??
      (await db.shippingZone.create({ data: { name: zone.name, position }, select: { id: true } })).id;
    // A region staff moved to another zone stays there (the (country, state) key skips it).
    await db.shippingZoneRegion.createMany({
      data: zone.regions.map(({ country, state }) => ({ zoneId, country, state: state ?? "" })),
      skipDuplicates: true,
    });
    for (const [methodPosition, method] of zone.methods.entries()) {
      const exists = await db.shippingMethod.findFirst({
        where: { zoneId, name: method.name },
        select: { id: true },
      });
      if (exists) continue;
      await db.shippingMethod.create({
        data: {
          zoneId,
          name: method.name,
          estimate: method.estimate,
          kind: method.kind,
          priceCents: method.priceCents,
          thresholdCents: method.thresholdCents ?? null,
          ...(method.weightTiers ? { weightTiers: method.weightTiers } : {}),
          position: methodPosition,
        },
      });
    }
  }

  await db.taxRate.createMany({
    data: [
      ...usStateSalesTax.map(([state, name, ratePpm, shippingTaxed]) => ({
        country: "US",
        state,
        name: `${name} sales tax`,
        ratePpm,
        shippingRatePpm: shippingTaxed ? ratePpm : null,
      })),
      ...euVatStandardRates.map(([country, name, ratePpm]) => ({
        country,
        name: `${name} VAT`,
        ratePpm,
        shippingRatePpm: ratePpm,
      })),
    ],
    skipDuplicates: true,
  });
}
