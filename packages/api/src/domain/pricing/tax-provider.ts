import type { PricingLine } from "./line.ts";
import { assertRatePpm } from "./validate.ts";

/** Where the order ships to, as far as tax is concerned (ISO 3166 codes; case and spaces are ignored). */
export interface TaxAddress {
  country: string;
  /** State, province or region code within the country (e.g. "CA" in the US, "QC" in Canada). */
  region?: string | null | undefined;
}

/** The rates that apply to one cart, in ppm (8.25% = 82_500). */
export interface TaxRates {
  lineRatePpm(line: PricingLine): number;
  /** Rate on the (discounted) shipping price; 0 where shipping is not taxed. */
  shippingRatePpm: number;
}

/**
 * Decides the tax rates for a cart shipped to an address. The table below answers at once; an external
 * tax service would answer a promise, which the checkout service awaits before pricing the order.
 */
export interface TaxProvider {
  ratesFor(lines: readonly PricingLine[], address: TaxAddress): TaxRates | Promise<TaxRates>;
}

export interface RegionTaxRate {
  ratePpm: number;
  /** Falls back to the country's shipping rate when absent. */
  shippingRatePpm?: number | undefined;
}

export interface CountryTaxRate {
  /** The country's default rate, for every region without an override. */
  ratePpm: number;
  /** Absent: shipping is not taxed in this country. */
  shippingRatePpm?: number | undefined;
  /** Overrides by region code. */
  regions?: Readonly<Record<string, RegionTaxRate>> | undefined;
}

/** Tax rates by country code. A country missing from the table is not taxed (the shop collects none there). */
export type TaxTable = Readonly<Record<string, CountryTaxRate>>;

function normalizedCode(code: string): string {
  return code.trim().toUpperCase();
}

// Codes come from addresses typed by shoppers: look them up as own keys, never through the prototype.
function entryOf<T>(record: Readonly<Record<string, T>> | undefined, code: string): T | undefined {
  if (!record) return undefined;
  const wanted = normalizedCode(code);
  for (const [key, value] of Object.entries(record)) if (normalizedCode(key) === wanted) return value;
  return undefined;
}

/** The rates of one address from a table: the region's override, else the country's default, else 0. */
export function tableTaxRates(
  table: TaxTable,
  address: TaxAddress,
): { ratePpm: number; shippingRatePpm: number } {
  const country = entryOf(table, address.country);
  if (!country) return { ratePpm: 0, shippingRatePpm: 0 };
  const region = address.region ? entryOf(country.regions, address.region) : undefined;
  const ratePpm = region?.ratePpm ?? country.ratePpm;
  const shippingRatePpm = region?.shippingRatePpm ?? country.shippingRatePpm ?? 0;
  assertRatePpm(ratePpm, `tax rate of ${address.country}${address.region ? `-${address.region}` : ""}`);
  assertRatePpm(shippingRatePpm, `shipping tax rate of ${address.country}`);
  return { ratePpm, shippingRatePpm };
}

/** A TaxProvider that answers at once (no promise), so pure code can use it directly. */
export interface SyncTaxProvider extends TaxProvider {
  ratesFor(lines: readonly PricingLine[], address: TaxAddress): TaxRates;
}

/** A TaxProvider over a table given as data: every line of the cart gets the address's rate. */
export function tableTaxProvider(table: TaxTable): SyncTaxProvider {
  return {
    ratesFor(_lines, address) {
      const { ratePpm, shippingRatePpm } = tableTaxRates(table, address);
      return { lineRatePpm: () => ratePpm, shippingRatePpm };
    },
  };
}
