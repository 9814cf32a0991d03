import type { z } from "zod";
import { toMajorUnits, toMinorUnits } from "../domain/money.ts";
import { PPM_PER_PERCENT, type ShippingMethodInput } from "../schemas/checkout-settings.ts";
import type { ShippingMethodView } from "../services/shipping-methods.ts";
import type { ShippingZoneView } from "../services/shipping-zones.ts";
import type { ShopSettingsView } from "../services/shop-settings.ts";
import type { TaxRateView } from "../services/tax-rates.ts";
import type {
  RestShippingMethod,
  RestShippingMethodInput,
  RestShippingZone,
  RestShopSettings,
  RestTaxRate,
} from "./checkout-settings-schemas.ts";

// The checkout settings' REST translations: cents to and from major units of the method's currency,
// ppm to and from percent, dates to ISO-8601.

export function toRestMethod(method: ShippingMethodView): z.infer<typeof RestShippingMethod> {
  const { currency } = method;
  return {
    id: method.id,
    zoneId: method.zoneId,
    name: method.name,
    estimate: method.estimate,
    kind: method.kind,
    price: toMajorUnits(method.priceCents, currency),
    threshold: method.thresholdCents === null ? null : toMajorUnits(method.thresholdCents, currency),
    weightTiers:
      method.weightTiers?.map(({ upToGrams, priceCents }) => ({
        upToGrams,
        price: toMajorUnits(priceCents, currency),
      })) ?? null,
    currency,
    active: method.active,
    position: method.position,
    createdAt: method.createdAt.toISOString(),
    updatedAt: method.updatedAt.toISOString(),
  };
}

export function toRestZone(zone: ShippingZoneView): z.infer<typeof RestShippingZone> {
  return {
    id: zone.id,
    name: zone.name,
    position: zone.position,
    active: zone.active,
    regions: zone.regions,
    methods: zone.methods.map(toRestMethod),
    createdAt: zone.createdAt.toISOString(),
    updatedAt: zone.updatedAt.toISOString(),
  };
}

export const toPercent = (ppm: number) => ppm / PPM_PER_PERCENT;
export const toPpm = (percent: number) => Math.round(percent * PPM_PER_PERCENT);

export function toRestTaxRate(rate: TaxRateView): z.infer<typeof RestTaxRate> {
  return {
    id: rate.id,
    country: rate.country,
    state: rate.state,
    name: rate.name,
    ratePercent: toPercent(rate.ratePpm),
    shippingRatePercent: rate.shippingRatePpm === null ? null : toPercent(rate.shippingRatePpm),
    createdAt: rate.createdAt.toISOString(),
    updatedAt: rate.updatedAt.toISOString(),
  };
}

export function toRestSettings(settings: ShopSettingsView): z.infer<typeof RestShopSettings> {
  return { taxInclusive: settings.taxInclusive, updatedAt: settings.updatedAt.toISOString() };
}

/** A REST method's amounts in cents of its currency (the schema checked their decimals). */
export function methodCents(
  method: {
    price?: number | undefined;
    threshold?: number | null | undefined;
    weightTiers?: RestShippingMethodInput["weightTiers"];
  },
  currency: string,
) {
  return {
    ...(method.price === undefined ? {} : { priceCents: toMinorUnits(method.price, currency) }),
    ...(method.threshold === undefined
      ? {}
      : { thresholdCents: method.threshold === null ? null : toMinorUnits(method.threshold, currency) }),
    ...(method.weightTiers === undefined
      ? {}
      : {
          weightTiers:
            method.weightTiers?.map(({ upToGrams, price }) => ({
              upToGrams,
              priceCents: toMinorUnits(price, currency),
            })) ?? null,
        }),
  };
}

export function toMethodInput(method: RestShippingMethodInput): ShippingMethodInput {
  const { price: _price, threshold: _threshold, weightTiers: _tiers, ...fields } = method;
  return { ...fields, ...methodCents(method, method.currency) };
}
