import { z } from "zod";
import { SlugSchema } from "./catalog.ts";
import { singleLineText, text } from "./text.ts";

/** The product CSV's columns, in order; the header row must be exactly these. */
export const PRODUCT_CSV_COLUMNS = [
  "slug",
  "name",
  "description",
  "price",
  "currency",
  "category",
  "stock",
  "lowStockThreshold",
  "active",
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

export const PRODUCT_CSV_MAX_BYTES = 1_000_000;
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

/** "12.5" → 1250; the format is checked first, so this never rounds. */
function decimalToCents(value: string): number {
  const [whole = "0", fraction = ""] = value.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

/**
 * One data row, as text cells, into a product's fields. An empty cell takes the default a new product
 * would get (USD, no category, threshold 5, active), on updates too: a row is the product's full state.
 * An empty slug is derived from the name (new products only; the service checks that).
 */
export const ProductCsvRow = z.object({
  slug: text()
    .trim()
    .transform((value) => value || undefined)
    .pipe(SlugSchema.optional()),
  name: singleLineText().trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
  description: text().max(5000, "Use at most 5000 characters"),
  price: text()
    .trim()
    .min(1, { error: "Enter a price", abort: true })
    .regex(/^\d+(\.\d{1,2})?$/, "Use a number of 0 or more with at most two decimals, such as 12.50")
    .transform(decimalToCents)
    .pipe(z.number().max(100_000_000, "That price is too high")),
  currency: text()
    .trim()
    .transform((value) => value.toUpperCase() || "USD")
    .pipe(singleLineText().regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD")),
  category: text()
    .trim()
    .transform((value) => value || null)
    .pipe(SlugSchema.nullable()),
  stock: text().trim().min(1, "Enter the stock on hand").pipe(wholeNumber(1_000_000)),
  lowStockThreshold: text()
    .trim()
    .transform((value) => value || "5")
    .pipe(wholeNumber(100_000)),
  active: text()
    .trim()
    .toLowerCase()
    .refine((value) => value === "" || value === "true" || value === "false", "Use true or false")
    .transform((value) => value !== "false"),
});
export type ProductCsvRowData = z.infer<typeof ProductCsvRow>;

/** Price in cents as the CSV writes it: decimal major units with two decimals ("12.50"). */
export function centsToDecimal(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
