import { z } from "zod";
import { DEFAULT_CURRENCY, decimalTextToMinorUnits, minorUnitsOf, toDecimalText } from "../domain/money.ts";
import { MAX_PRICE_CENTS, SlugSchema } from "./catalog.ts";
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

/**
 * The price cell, read in minor units of the row's own currency (12.50 USD, 1234 JPY, 1.999 KWD). Runs
 * also when other cells failed, so every refused cell of a row is named at once; beside a refused
 * currency cell the price is judged as USD, the default.
 */
function checkPriceCell(row: { price?: unknown; currency?: unknown }, ctx: z.RefinementCtx) {
  const { price } = row;
  if (typeof price !== "string" || price === "") return; // the cell's own check named it
  const given = typeof row.currency === "string" ? row.currency.trim().toUpperCase() : "";
  const currency = /^[A-Z]{3}$/.test(given) ? given : DEFAULT_CURRENCY;
  const minor = decimalTextToMinorUnits(price, currency);
  if (minor === undefined) {
    const digits = minorUnitsOf(currency);
    const message =
      digits === 0
        ? `Use a whole number of 0 or more for ${currency}, such as 1250`
        : `Use a number of 0 or more with at most ${digits === 2 ? "two" : digits} decimals, such as ${toDecimalText(1250, currency)}`;
    ctx.addIssue({ code: "custom", path: ["price"], message });
  } else if (minor > MAX_PRICE_CENTS) {
    ctx.addIssue({ code: "custom", path: ["price"], message: "That price is too high" });
  }
}

/**
 * One data row, as text cells, into a product's fields. An empty cell takes the default a new product
 * would get (USD, no category, threshold 5, active), on updates too: a row is the product's full state.
 * An empty slug is derived from the name (new products only; the service checks that).
 */
export const ProductCsvRow = z
  .object({
    slug: text()
      .trim()
      .transform((value) => value || undefined)
      .pipe(SlugSchema.optional()),
    name: singleLineText().trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
    description: text().max(5000, "Use at most 5000 characters"),
    // Text here; checkPriceCell reads it in the row currency's minor units.
    price: text().trim().min(1, { error: "Enter a price", abort: true }),
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
  })
  .superRefine(checkPriceCell, {
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  })
  // checkPriceCell has refused every price this cannot read.
  .transform((row) => ({ ...row, price: decimalTextToMinorUnits(row.price, row.currency) ?? 0 }));
export type ProductCsvRowData = z.infer<typeof ProductCsvRow>;

/** A price as the CSV writes it: decimal major units with the currency's digits ("12.50", "1234"). */
export function priceCellOf(minor: number, currency: string): string {
  return toDecimalText(minor, currency);
}
