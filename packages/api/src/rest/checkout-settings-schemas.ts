import { z } from "zod";
import { fitsMinorUnits, isCurrencyCode, minorUnitsOf } from "../domain/money.ts";
import {
  CountryCodeSchema,
  CreateShippingZoneInput,
  checkShippingRate,
  checkWeightTiers,
  MAX_WEIGHT_TIERS,
  PPM_PER_PERCENT,
  ShippingMethodFields,
  ShippingRateKindSchema,
  ShippingZonePatch,
  shippingMethodFields,
  UpdateShopSettingsInput,
  UpsertTaxRateInput,
  WeightTierInput,
} from "../schemas/checkout-settings.ts";
import { singleLineText } from "../schemas/text.ts";

// REST shapes of the staff checkout settings (issue 15), derived from schemas/checkout-settings.ts:
// amounts in decimal major units of the method's currency (5.00 for 500 cents) and tax rates in
// percent (8.875 for 88_750 ppm), as every REST route speaks; the handlers convert to cents and ppm.

const pathId = singleLineText().min(1).max(100);

const MAX_SHIPPING_AMOUNT = 1_000_000;
const restAmount = z
  .number()
  .min(0, "Must be zero or more")
  .max(MAX_SHIPPING_AMOUNT, "That amount is too high")
  .meta({ description: "Decimal amount in major units of the method's currency, e.g. 5.00", example: 5 });

const restTier = z.object({ upToGrams: WeightTierInput.shape.upToGrams, price: restAmount });
const restTiers = z
  .array(restTier)
  .min(1, "Add at least one weight tier")
  .max(MAX_WEIGHT_TIERS, `Use at most ${MAX_WEIGHT_TIERS} weight tiers`)
  .superRefine((tiers, ctx) => checkWeightTiers(tiers, ctx))
  .meta({ description: "Ascending by upToGrams; only the last may have upToGrams null (any heavier cart)" });

const DECIMAL_WORDS = ["no", "one", "two", "three", "four"];

/** The method's amounts have no more decimals than its currency has (the bounds are the fields'). */
export function checkMethodAmounts(
  method: { price?: unknown; threshold?: unknown; weightTiers?: unknown },
  currencyInput: unknown,
  ctx: z.RefinementCtx,
): void {
  const currency = typeof currencyInput === "string" && isCurrencyCode(currencyInput) ? currencyInput : "USD";
  const check = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== "number" || fitsMinorUnits(value, currency)) return;
    const digits = minorUnitsOf(currency);
    ctx.addIssue({
      code: "custom",
      path,
      message:
        digits === 0
          ? `Use a whole amount for ${currency}`
          : `Use at most ${DECIMAL_WORDS[digits] ?? digits} decimal${digits === 1 ? "" : "s"}`,
    });
  };
  check(method.price, ["price"]);
  check(method.threshold, ["threshold"]);
  if (Array.isArray(method.weightTiers))
    method.weightTiers.forEach((tier: { price?: unknown }, index) => {
      check(tier?.price, ["weightTiers", index, "price"]);
    });
}

const REST_RATE_NAMES = { price: "price", threshold: "threshold", tiers: "weightTiers" };
const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

const restMethodFields = ShippingMethodFields.omit({
  priceCents: true,
  thresholdCents: true,
  weightTiers: true,
}).extend({
  price: restAmount.optional().meta({ description: "flat and free_over: the price" }),
  threshold: restAmount
    .nullable()
    .optional()
    .meta({ description: "free_over: the subtotal (after discount) from which shipping is free" }),
  weightTiers: restTiers.nullable().optional(),
});

function checkRestMethod(method: z.infer<typeof restMethodFields>, ctx: z.RefinementCtx): void {
  checkShippingRate(
    {
      kind: method.kind,
      priceCents: method.price,
      thresholdCents: method.threshold,
      weightTiers: method.weightTiers,
    },
    ctx,
    REST_RATE_NAMES,
  );
  checkMethodAmounts(method, method.currency, ctx);
}

/** tRPC's ShippingMethodInput in major units. */
export const RestShippingMethodInput = restMethodFields.superRefine(checkRestMethod, { when: isObject });
export type RestShippingMethodInput = z.infer<typeof RestShippingMethodInput>;

/** POST /shipping-zones/{id}/methods: the zone in the path. */
export const RestCreateShippingMethodInput = restMethodFields
  .extend({ id: pathId.meta({ description: "The zone's id" }) })
  .superRefine(checkRestMethod, { when: isObject });

/** PATCH /shipping-methods/{id}: a partial method; its amounts are checked in its currency once read. */
export const RestUpdateShippingMethodInput = z
  .object({
    name: shippingMethodFields.name.optional(),
    estimate: shippingMethodFields.estimate.optional(),
    kind: ShippingRateKindSchema.optional(),
    price: restAmount.optional(),
    threshold: restAmount.nullable().optional(),
    weightTiers: restTiers.nullable().optional(),
    currency: shippingMethodFields.currency.optional(),
    active: shippingMethodFields.active.optional(),
    position: shippingMethodFields.position.optional(),
  })
  .extend({ id: pathId.meta({ description: "The method's id" }) })
  .refine(({ id: _id, ...patch }) => Object.values(patch).some((value) => value !== undefined), {
    message: "Change at least one field",
  });

/** The amounts of a method patch in `currency` (the patch's, else the method's). */
export function restMethodAmounts(currency: string) {
  return z
    .object({ price: z.unknown(), threshold: z.unknown(), weightTiers: z.unknown() })
    .partial()
    .superRefine((method, ctx) => checkMethodAmounts(method, currency, ctx));
}

export const RestCreateShippingZoneInput = CreateShippingZoneInput.omit({ methods: true }).extend({
  methods: z.array(RestShippingMethodInput).max(20, "Use at most 20 methods").default([]),
});

export const RestUpdateShippingZoneInput = ShippingZonePatch.extend({
  id: pathId.meta({ description: "The zone's id" }),
}).refine(({ id: _id, ...patch }) => Object.values(patch).some((value) => value !== undefined), {
  message: "Change at least one field",
});

export const RestPathIdInput = z.object({ id: pathId });
export const RestNoInput = z.object({});

export const RestShippingMethod = z.object({
  id: z.string(),
  zoneId: z.string(),
  name: z.string(),
  estimate: z.string(),
  kind: ShippingRateKindSchema,
  price: z.number().meta({ description: "flat and free_over: the price in major units (0 for weight)" }),
  threshold: z.number().nullable().meta({ description: "free_over: free from this subtotal" }),
  weightTiers: z.array(z.object({ upToGrams: z.number().int().nullable(), price: z.number() })).nullable(),
  currency: z.string(),
  active: z.boolean(),
  position: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const RestShippingZone = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  regions: z.array(
    z.object({
      country: z.string().meta({ description: 'ISO 3166 alpha-2 code, or "*" for the rest of the world' }),
      state: z.string().meta({ description: 'State or province code; "" is the whole country' }),
    }),
  ),
  methods: z.array(RestShippingMethod),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const RestShippingZoneList = z.object({ zones: z.array(RestShippingZone) });

// ---------- tax ----------

const MAX_PERCENT_DECIMALS = Math.log10(PPM_PER_PERCENT);
const restPercent = z
  .number()
  .min(0, "Must be zero or more")
  .max(100, "Use at most 100%")
  .refine(
    (value) => Math.abs(value * PPM_PER_PERCENT - Math.round(value * PPM_PER_PERCENT)) <= 1e-6,
    `Use at most ${MAX_PERCENT_DECIMALS} decimals`,
  )
  .meta({ description: "Percent, e.g. 8.875", example: 8.875 });

/** PUT /tax-rates: tRPC's tax.upsertRate with percent for ppm. */
export const RestUpsertTaxRateInput = UpsertTaxRateInput.omit({
  ratePpm: true,
  shippingRatePpm: true,
}).extend({
  ratePercent: restPercent,
  shippingRatePercent: restPercent
    .nullable()
    .default(null)
    .meta({ description: "Rate on shipping; null: the country's (for a state), or shipping not taxed" }),
});

export const RestTaxRateListInput = z.object({ country: CountryCodeSchema.optional() });

export const RestTaxRate = z.object({
  id: z.string(),
  country: z.string(),
  state: z.string(),
  name: z.string(),
  ratePercent: z.number(),
  shippingRatePercent: z.number().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const RestTaxRateList = z.object({ rates: z.array(RestTaxRate) });

export const RestUpdateShopSettingsInput = UpdateShopSettingsInput;
export const RestShopSettings = z.object({ taxInclusive: z.boolean(), updatedAt: z.iso.datetime() });
