import { z } from "zod";
import { DEFAULT_CURRENCY, decimalTextToMinorUnits, minorUnitsOf, toDecimalText } from "../domain/money.ts";
import { SlugSchema } from "./catalog.ts";
import { singleLineText, text } from "./text.ts";
import { MAX_VARIANT_PRICE_CENTS, OptionNameSchema, OptionValueSchema, SkuSchema } from "./variant.ts";

/**
 * The product CSV's columns, in order (Shopify's layout: one row per variant, the product's fields on
 * its first row); the header row must be exactly these.
 */
export const PRODUCT_CSV_COLUMNS = [
  "handle",
  "title",
  "description",
  "category",
  "currency",
  "low stock threshold",
  "active",
  "option1 name",
  "option1 value",
  "option2 name",
  "option2 value",
  "option3 name",
  "option3 value",
  "SKU",
  "price",
  "compare-at price",
  "barcode",
  "weight grams",
  "stock",
  "variant active",
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** The columns a product's later rows may leave empty (or must repeat exactly). */
export const PRODUCT_CSV_PRODUCT_COLUMNS = [
  "title",
  "description",
  "category",
  "currency",
  "low stock threshold",
  "active",
] as const satisfies readonly ProductCsvColumn[];

export const PRODUCT_CSV_MAX_BYTES = 1_000_000;
/** Data rows (variants) per file. */
export const PRODUCT_CSV_MAX_ROWS = 5_000;

export const ProductCsvInput = z.object({
  // Characters never outnumber UTF-8 bytes, so this refuses only files the service would refuse too.
  csv: text().max(PRODUCT_CSV_MAX_BYTES, "The file is larger than 1 MB"),
});

const wholeNumber = (max: number) =>
  text()
    .regex(/^\d+$/, "Use a whole number of 0 or more")
    .transform(Number)
    .pipe(z.number().max(max, `Use at most ${max.toLocaleString("en-US")}`));

const trueOrFalse = text()
  .trim()
  .toLowerCase()
  .refine((value) => value === "" || value === "true" || value === "false", "Use true or false")
  .transform((value) => (value === "" ? undefined : value === "true"));

/** An empty cell (after trimming) is undefined; any other goes through `schema`. */
const optionalCell = <O>(schema: z.ZodType<O, string>) =>
  text()
    .trim()
    .transform((value) => value || undefined)
    .pipe(schema.optional());

/**
 * What is wrong with a price cell read in minor units of `currency` (12.50 USD, 1234 JPY, 1.999 KWD),
 * or its amount.
 */
export function readPriceCell(cell: string, currency: string): { cents: number } | { error: string } {
  const minor = decimalTextToMinorUnits(cell, currency);
  if (minor === undefined) {
    const digits = minorUnitsOf(currency);
    return {
      error:
        digits === 0
          ? `Use a whole number of 0 or more for ${currency}, such as 1250`
          : `Use a number of 0 or more with at most ${digits === 2 ? "two" : digits} decimals, such as ${toDecimalText(1250, currency)}`,
    };
  }
  if (minor > MAX_VARIANT_PRICE_CENTS) return { error: "That price is too high" };
  return { cents: minor };
}

/**
 * One data row, as text cells, into typed cells. An empty product cell is undefined here: on a
 * product's first row it takes the default a new product gets (USD, no category, threshold 5, active),
 * on its later rows it repeats the first row. Prices stay text until the product's currency is known
 * (readPriceCell); the per-product rules (option names, combinations, SKUs) are the plan's.
 */
export const ProductCsvRow = z.object({
  handle: optionalCell(SlugSchema),
  title: optionalCell(singleLineText().max(200, "Use at most 200 characters")),
  description: text()
    .max(5000, "Use at most 5000 characters")
    .transform((value) => value || undefined),
  category: optionalCell(SlugSchema),
  currency: text()
    .trim()
    .transform((value) => value.toUpperCase() || undefined)
    .pipe(
      singleLineText()
        .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD")
        .optional(),
    ),
  "low stock threshold": optionalCell(wholeNumber(100_000)),
  active: trueOrFalse,
  "option1 name": optionalCell(OptionNameSchema),
  "option1 value": optionalCell(OptionValueSchema),
  "option2 name": optionalCell(OptionNameSchema),
  "option2 value": optionalCell(OptionValueSchema),
  "option3 name": optionalCell(OptionNameSchema),
  "option3 value": optionalCell(OptionValueSchema),
  SKU: optionalCell(SkuSchema),
  price: text().trim().min(1, "Enter a price"),
  "compare-at price": text()
    .trim()
    .transform((value) => value || undefined),
  barcode: optionalCell(singleLineText().max(64, "Use at most 64 characters")),
  "weight grams": optionalCell(wholeNumber(1_000_000)),
  stock: text().trim().min(1, "Enter the stock on hand").pipe(wholeNumber(1_000_000)),
  "variant active": trueOrFalse.transform((value) => value ?? true),
});
export type ProductCsvRowData = z.infer<typeof ProductCsvRow>;

/** The product fields of a product's first row, with the defaults a new product gets. */
export function productFieldsOf(row: ProductCsvRowData) {
  return {
    name: row.title ?? "",
    description: row.description ?? "",
    category: row.category ?? null,
    currency: row.currency ?? DEFAULT_CURRENCY,
    lowStockThreshold: row["low stock threshold"] ?? 5,
    active: row.active ?? true,
  };
}
export type ProductCsvFields = ReturnType<typeof productFieldsOf>;

/** A price as the CSV writes it: decimal major units with the currency's digits ("12.50", "1234"). */
export function priceCellOf(minor: number, currency: string): string {
  return toDecimalText(minor, currency);
}
