import type { checkoutSettingsRestRoutes } from "./checkout-settings-routes.ts";
import type { RequestExamples } from "./openapi-examples.ts";

// The OpenAPI errors and request examples of the checkout settings routes (issue 15), merged into
// openapi.ts's and openapi-examples.ts's lists.

type Name = keyof typeof checkoutSettingsRestRoutes;
type ErrorResponses = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, string>>;

// As openapi.ts: answered by every operation with a body, and by every signed-in one.
const bodyErrors: ErrorResponses = {
  403: "Staff only, or a cross-site request",
  413: "The request body is too large",
  415: "The request body is not JSON",
};
const staffRead: ErrorResponses = { 401: "Sign in to continue", 403: "Staff only" };
const staffWrite: ErrorResponses = { ...bodyErrors, 401: "Sign in to continue" };

const REGION_TAKEN =
  "A region is already in another zone: the message names it and the zone, `details.regions` lists [{country, state, zoneId, zoneName}]";
const BAD_METHOD =
  "Invalid request (`details` lists the fields): e.g. a free_over method without `threshold`, a weight method without `weightTiers`, tiers not ascending or open-ended before the last, an amount with too many decimals";

export const checkoutSettingsErrors: Record<Name, ErrorResponses> = {
  listShippingZones: staffRead,
  createShippingZone: {
    ...staffWrite,
    400: `${BAD_METHOD}, a region listed twice or a country code that is not ISO 3166 alpha-2`,
    409: REGION_TAKEN,
  },
  updateShippingZone: { ...staffWrite, 404: "No such shipping zone", 409: REGION_TAKEN },
  deleteShippingZone: { ...staffWrite, 404: "No such shipping zone" },
  createShippingMethod: { ...staffWrite, 400: BAD_METHOD, 404: "No such shipping zone" },
  updateShippingMethod: {
    ...staffWrite,
    400: `${BAD_METHOD}; the method is checked as it will be (a flat method made free_over needs a threshold)`,
    404: "No such shipping method",
  },
  deleteShippingMethod: { ...staffWrite, 404: "No such shipping method" },
  listTaxRates: { ...staffRead, 400: "A country code that is not ISO 3166 alpha-2" },
  upsertTaxRate: {
    ...staffWrite,
    400: "Invalid request: e.g. a rate over 100% or with more than 4 decimals",
  },
  deleteTaxRate: { ...staffWrite, 404: "No such tax rate" },
  shopSettings: staffRead,
  updateShopSettings: staffWrite,
};

export const EXAMPLE_SHIPPING_ZONE_ID = "7d3e9a15-4c2b-4f8e-a1d6-2b9c0e5f7a38";
export const EXAMPLE_SHIPPING_METHOD_ID = "2f8b6c4d-1e9a-4d3b-8c7e-5a0f9b2d6e14";
export const EXAMPLE_TAX_RATE_ID = "c4a9e2b7-6d1f-4e8a-b3c5-9f0d2a7e1b64";

export const checkoutSettingsExamples: Record<Name, RequestExamples> = {
  listShippingZones: {},
  createShippingZone: {
    body: {
      name: "Canada",
      regions: [{ country: "CA" }],
      methods: [
        { name: "Standard", estimate: "4-7 business days", kind: "free_over", price: 9, threshold: 100 },
        {
          name: "Parcel by weight",
          kind: "weight",
          weightTiers: [
            { upToGrams: 1000, price: 8 },
            { upToGrams: null, price: 19.5 },
          ],
        },
      ],
    },
  },
  updateShippingZone: {
    parameters: { id: EXAMPLE_SHIPPING_ZONE_ID },
    body: { name: "Canada and Mexico", regions: [{ country: "CA" }, { country: "MX" }] },
  },
  deleteShippingZone: { parameters: { id: EXAMPLE_SHIPPING_ZONE_ID } },
  createShippingMethod: {
    parameters: { id: EXAMPLE_SHIPPING_ZONE_ID },
    body: { name: "Express", estimate: "1-2 business days", kind: "flat", price: 15 },
  },
  updateShippingMethod: {
    parameters: { id: EXAMPLE_SHIPPING_METHOD_ID },
    body: { price: 6.5, threshold: 80 },
  },
  deleteShippingMethod: { parameters: { id: EXAMPLE_SHIPPING_METHOD_ID } },
  listTaxRates: { parameters: { country: "US" } },
  upsertTaxRate: {
    body: { country: "US", state: "NY", name: "New York sales tax", ratePercent: 4, shippingRatePercent: 4 },
  },
  deleteTaxRate: { parameters: { id: EXAMPLE_TAX_RATE_ID } },
  shopSettings: {},
  updateShopSettings: { body: { taxInclusive: true } },
};
