import type { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import {
  type CountryTaxRate,
  type RegionTaxRate,
  type TaxProvider,
  type TaxTable,
  tableTaxRates,
} from "../domain/pricing/index.ts";
import { NotFoundError } from "../errors.ts";
import type { TaxRateListInput, UpsertTaxRateInput } from "../schemas/checkout-settings.ts";

// Tax rates by country and state or province (issue 15): a country's row (state '') is its default
// rate, a state's row overrides it. Staff edit them; checkout reads the rows of one address's country
// as the pricing engine's TaxTable, behind the TaxProvider interface so an external service can
// replace the table later.

export const taxRateSelect = {
  id: true,
  country: true,
  state: true,
  name: true,
  ratePpm: true,
  shippingRatePpm: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.TaxRateSelect;

export type TaxRateView = Prisma.TaxRateGetPayload<{ select: typeof taxRateSelect }>;

/** Every rate (or one country's), by country, the country's own rate before its states'. */
export function listTaxRates(db: DbClient, input: TaxRateListInput = {}): Promise<TaxRateView[]> {
  return db.taxRate.findMany({
    where: input.country ? { country: input.country } : {},
    select: taxRateSelect,
    orderBy: [{ country: "asc" }, { state: "asc" }],
  });
}

/** Creates the rate of (country, state), or replaces the one it has; `created` says which. */
export async function upsertTaxRate(
  db: DbClient,
  input: UpsertTaxRateInput,
): Promise<{ before: TaxRateView | null; after: TaxRateView }> {
  const key = { country: input.country, state: input.state };
  const before = await db.taxRate.findUnique({ where: { country_state: key }, select: taxRateSelect });
  const fields = { name: input.name, ratePpm: input.ratePpm, shippingRatePpm: input.shippingRatePpm };
  const after = await db.taxRate.upsert({
    where: { country_state: key },
    create: { ...key, ...fields },
    update: fields,
    select: taxRateSelect,
  });
  return { before, after };
}

export async function deleteTaxRate(db: DbClient, id: string): Promise<TaxRateView> {
  const found = await db.taxRate.findUnique({ where: { id }, select: taxRateSelect });
  if (!found) throw new NotFoundError("Tax rate not found", { taxRateId: id });
  await db.taxRate.deleteMany({ where: { id } });
  return found;
}

type RateRow = { state: string; ratePpm: number; shippingRatePpm: number | null };

function tableOf(country: string, rows: readonly RateRow[]): TaxTable {
  if (rows.length === 0) return {};
  const own = rows.find((row) => row.state === "");
  const regions: Record<string, RegionTaxRate> = {};
  for (const row of rows) {
    if (row.state === "") continue;
    regions[row.state] = {
      ratePpm: row.ratePpm,
      ...(row.shippingRatePpm === null ? {} : { shippingRatePpm: row.shippingRatePpm }),
    };
  }
  // A country with state rates but no row of its own (the US) taxes other addresses at 0.
  const entry: CountryTaxRate = {
    ratePpm: own?.ratePpm ?? 0,
    ...(own?.shippingRatePpm == null ? {} : { shippingRatePpm: own.shippingRatePpm }),
    regions,
  };
  return { [country]: entry };
}

const normalized = (code: string | null | undefined) => (code ?? "").trim().toUpperCase();

/** One country's rates as the pricing engine's table (one indexed read). */
export async function taxTableFor(db: DbClient, country: string): Promise<TaxTable> {
  const code = normalized(country);
  if (!/^[A-Z]{2}$/.test(code)) return {};
  const rows = await db.taxRate.findMany({
    where: { country: code },
    select: { state: true, ratePpm: true, shippingRatePpm: true },
  });
  return tableOf(code, rows);
}

/**
 * The rates of one address: its state's, else its country's, else none (0), read as one indexed read
 * of at most two rows.
 */
export async function taxRatesForAddress(
  db: DbClient,
  address: { country: string; state?: string | null | undefined },
): Promise<{ ratePpm: number; shippingRatePpm: number }> {
  const country = normalized(address.country);
  const state = normalized(address.state);
  if (!/^[A-Z]{2}$/.test(country)) return { ratePpm: 0, shippingRatePpm: 0 };
  const rows = await db.taxRate.findMany({
    where: { country, state: { in: state ? [state, ""] : [""] } },
    select: { state: true, ratePpm: true, shippingRatePpm: true },
  });
  return tableTaxRates(tableOf(country, rows), { country, region: state || null });
}

/** The shop's tax provider over its own tables: every line of a cart gets the address's rate. */
export function databaseTaxProvider(db: DbClient): TaxProvider {
  return {
    async ratesFor(_lines, address) {
      const { ratePpm, shippingRatePpm } = await taxRatesForAddress(db, {
        country: address.country,
        state: address.region,
      });
      return { lineRatePpm: () => ratePpm, shippingRatePpm };
    },
  };
}
