import { z } from "zod";
import { INT4_MAX, singleLineText } from "./text.ts";

// Staff settings of checkout (issue 15): shipping zones and their methods, tax rates, and the shop's
// tax-inclusive setting. Money is integer cents and rates parts per million (ppm: 1% = 10_000), as the
// pricing engine (domain/pricing) takes them. Pure zod: the admin's forms parse with these too.

/** Country codes are ISO 3166 alpha-2, compared upper case. */
export const CountryCodeSchema = singleLineText()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Use a two-letter country code (ISO 3166), such as US or DE");

/** The rest of the world, in a zone's regions: every country no other zone names. */
export const REST_OF_WORLD = "*";

/** A zone's country: a country code, or "*" for the rest of the world. */
export const ZoneCountrySchema = singleLineText()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{2}|\*)$/, "Use a two-letter country code (ISO 3166), or * for the rest of the world");

/** A state or province code ("CA", "ON"); empty is the whole country. */
export const StateCodeSchema = singleLineText()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9-]{0,10}$/,
    "Use a state or province code such as CA, or leave it empty for the whole country",
  );

export const ShippingRegionInput = z
  .object({ country: ZoneCountrySchema, state: StateCodeSchema.default("") })
  .refine(({ country, state }) => country !== REST_OF_WORLD || state === "", {
    message: "The rest of the world (*) has no states",
    path: ["state"],
  });
export type ShippingRegionInput = z.infer<typeof ShippingRegionInput>;

/** Most regions one zone may list (the EU is 27; a zone of US states is 51). */
export const MAX_ZONE_REGIONS = 300;

/** The key a region is told apart by: "US", "US-CA", "*". */
export function regionKey({ country, state }: { country: string; state: string }): string {
  return state ? `${country}-${state}` : country;
}

const ShippingRegions = z
  .array(ShippingRegionInput)
  .max(MAX_ZONE_REGIONS, `Use at most ${MAX_ZONE_REGIONS} regions`)
  .superRefine((regions, ctx) => {
    const seen = new Set<string>();
    regions.forEach((region, index) => {
      const key = regionKey(region);
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index], message: `${key} is listed twice` });
      seen.add(key);
    });
  });

const MAX_SHIPPING_CENTS = 100_000_000;
const shippingCents = z
  .number()
  .int("Use whole cents")
  .min(0, "Must be zero or more")
  .max(MAX_SHIPPING_CENTS, "That amount is too high");

const name = singleLineText().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
const position = z.number().int().min(0).max(INT4_MAX);

export const ShippingRateKindSchema = z.enum(["flat", "free_over", "weight"]);
export type ShippingRateKind = z.infer<typeof ShippingRateKindSchema>;

export const WeightTierInput = z.object({
  /** Carts up to and including this weight pay the tier's price; null (last tier only): any heavier. */
  upToGrams: z.number().int("Use whole grams").min(1, "Use at least 1 gram").max(INT4_MAX).nullable(),
  priceCents: shippingCents,
});
export type WeightTierInput = z.infer<typeof WeightTierInput>;

/** The weight tiers' rule, as the pricing engine's assertWeightTiers states it, with each tier named. */
export function checkWeightTiers(
  tiers: readonly { upToGrams: number | null }[],
  ctx: z.RefinementCtx,
  path: (string | number)[] = [],
): void {
  let previous = 0;
  tiers.forEach(({ upToGrams }, index) => {
    if (upToGrams === null) {
      if (index !== tiers.length - 1)
        ctx.addIssue({
          code: "custom",
          path: [...path, index, "upToGrams"],
          message: "Only the last weight tier may have no upper bound",
        });
      return;
    }
    if (upToGrams <= previous)
      ctx.addIssue({
        code: "custom",
        path: [...path, index, "upToGrams"],
        message: "Each weight tier's upper bound must be above the one before (tiers go from light to heavy)",
      });
    previous = Math.max(previous, upToGrams);
  });
}

export const MAX_WEIGHT_TIERS = 20;

export const WeightTiersSchema = z
  .array(WeightTierInput)
  .min(1, "Add at least one weight tier")
  .max(MAX_WEIGHT_TIERS, `Use at most ${MAX_WEIGHT_TIERS} weight tiers`)
  .superRefine((tiers, ctx) => checkWeightTiers(tiers, ctx));

/** Editable method fields, without defaults: a patch never resets what it does not mention. */
export const shippingMethodFields = {
  name,
  estimate: singleLineText().trim().max(100, "Use at most 100 characters"),
  kind: ShippingRateKindSchema,
  /** flat and free_over: the price. */
  priceCents: shippingCents,
  /** free_over: the subtotal (after discount) from which shipping is free. */
  thresholdCents: shippingCents.nullable(),
  /** weight: the tiers, ascending. */
  weightTiers: WeightTiersSchema.nullable(),
  currency: singleLineText().regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD"),
  active: z.boolean(),
  position,
};

/** What each kind needs: a price (flat, free_over), a threshold (free_over), tiers (weight). */
export function checkShippingRate(
  method: {
    kind?: ShippingRateKind | undefined;
    priceCents?: number | null | undefined;
    thresholdCents?: number | null | undefined;
    weightTiers?: unknown;
  },
  ctx: z.RefinementCtx,
  names: { price: string; threshold: string; tiers: string } = {
    price: "priceCents",
    threshold: "thresholdCents",
    tiers: "weightTiers",
  },
): void {
  if (method.kind === "flat" || method.kind === "free_over") {
    if (method.priceCents == null)
      ctx.addIssue({ code: "custom", path: [names.price], message: "Enter the shipping price" });
  }
  if (method.kind === "free_over" && method.thresholdCents == null)
    ctx.addIssue({
      code: "custom",
      path: [names.threshold],
      message: "Enter the subtotal from which shipping is free",
    });
  if (method.kind === "weight" && method.weightTiers == null)
    ctx.addIssue({ code: "custom", path: [names.tiers], message: "Add at least one weight tier" });
}

const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

export const ShippingMethodFields = z.object({
  name: shippingMethodFields.name,
  estimate: shippingMethodFields.estimate.default(""),
  kind: shippingMethodFields.kind,
  priceCents: shippingMethodFields.priceCents.optional(),
  thresholdCents: shippingMethodFields.thresholdCents.optional(),
  weightTiers: shippingMethodFields.weightTiers.optional(),
  currency: shippingMethodFields.currency.default("USD"),
  active: shippingMethodFields.active.default(true),
  position: shippingMethodFields.position.optional(),
});

/** A new method of a zone. */
export const ShippingMethodInput = ShippingMethodFields.superRefine(
  (method, ctx) => checkShippingRate(method, ctx),
  {
    when: isObject,
  },
);
export type ShippingMethodInput = z.infer<typeof ShippingMethodInput>;

export const ShippingZoneIdSchema = z.uuid({ message: "Not a shipping zone id" });
export const ShippingMethodIdSchema = z.uuid({ message: "Not a shipping method id" });

export const CreateShippingMethodInput = ShippingMethodFields.extend({
  zoneId: ShippingZoneIdSchema,
}).superRefine((method, ctx) => checkShippingRate(method, ctx), { when: isObject });
export type CreateShippingMethodInput = z.infer<typeof CreateShippingMethodInput>;

const CHANGE_A_FIELD = { message: "Change at least one field" };
const changesAField = (patch: Record<string, unknown>) => Object.values(patch).some((v) => v !== undefined);

/**
 * A method's changes. The kind's needs are checked against the method as it will be (a flat method
 * made free_over needs a threshold, which it may already have), so the service checks the result.
 */
export const ShippingMethodPatch = z.object(shippingMethodFields).partial();
export type ShippingMethodPatch = z.infer<typeof ShippingMethodPatch>;

export const UpdateShippingMethodInput = ShippingMethodPatch.extend({ id: ShippingMethodIdSchema }).refine(
  ({ id: _id, ...patch }) => changesAField(patch),
  CHANGE_A_FIELD,
);
export type UpdateShippingMethodInput = z.infer<typeof UpdateShippingMethodInput>;

export const ShippingMethodIdInput = z.object({ id: ShippingMethodIdSchema });
export const ShippingZoneIdInput = z.object({ id: ShippingZoneIdSchema });

/** A new zone with its regions and, optionally, its first methods. */
export const CreateShippingZoneInput = z.object({
  name,
  position: position.optional(),
  active: z.boolean().default(true),
  regions: ShippingRegions.default([]),
  methods: z.array(ShippingMethodInput).max(20, "Use at most 20 methods").default([]),
});
export type CreateShippingZoneInput = z.infer<typeof CreateShippingZoneInput>;

/** A zone's changes; `regions`, when given, is the zone's whole new list. */
export const ShippingZonePatch = z.object({
  name: name.optional(),
  position: position.optional(),
  active: z.boolean().optional(),
  regions: ShippingRegions.optional(),
});
export type ShippingZonePatch = z.infer<typeof ShippingZonePatch>;

export const UpdateShippingZoneInput = ShippingZonePatch.extend({ id: ShippingZoneIdSchema }).refine(
  ({ id: _id, ...patch }) => changesAField(patch),
  CHANGE_A_FIELD,
);
export type UpdateShippingZoneInput = z.infer<typeof UpdateShippingZoneInput>;

// ---------- tax ----------

export const PPM_PER_PERCENT = 10_000;
const ratePpm = z
  .number()
  .int("Use whole parts per million (1% is 10000)")
  .min(0, "Must be zero or more")
  .max(1_000_000, "Use at most 100% (1000000 ppm)");

export const taxRateFields = {
  country: CountryCodeSchema,
  /** Empty: the country's default rate; a code: that state's or province's rate, which overrides it. */
  state: StateCodeSchema,
  name: name,
  ratePpm,
  /** Rate on shipping; null: the country's (for a state), or shipping not taxed (for a country). */
  shippingRatePpm: ratePpm.nullable(),
};

/** A rate by (country, state): created, or replaced when the pair has one. */
export const UpsertTaxRateInput = z.object({
  country: taxRateFields.country,
  state: taxRateFields.state.default(""),
  name: taxRateFields.name,
  ratePpm: taxRateFields.ratePpm,
  shippingRatePpm: taxRateFields.shippingRatePpm.default(null),
});
export type UpsertTaxRateInput = z.infer<typeof UpsertTaxRateInput>;

export const TaxRateIdInput = z.object({ id: z.uuid({ message: "Not a tax rate id" }) });

export const TaxRateListInput = z
  .object({ country: CountryCodeSchema.optional() })
  .optional()
  .transform((input) => input ?? {});
export type TaxRateListInput = z.infer<typeof TaxRateListInput>;

export const UpdateShopSettingsInput = z.object({
  /** Catalogue prices include tax (EU style): the tax inside them is shown, not added. */
  taxInclusive: z.boolean(),
});
export type UpdateShopSettingsInput = z.infer<typeof UpdateShopSettingsInput>;
