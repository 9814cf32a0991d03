import type { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { PRODUCT_CSV_COLUMNS, priceCellOf } from "../schemas/product-csv.ts";
import { type CsvCell, csvNumber, serializeCsv } from "./csv.ts";

const exportSelect = {
  slug: true,
  name: true,
  description: true,
  currency: true,
  active: true,
  lowStockThreshold: true,
  category: { select: { slug: true } },
  options: { select: { name: true }, orderBy: { position: "asc" } },
  variants: {
    select: {
      sku: true,
      option1: true,
      option2: true,
      option3: true,
      priceCents: true,
      compareAtPriceCents: true,
      barcode: true,
      weightGrams: true,
      active: true,
      inventory: { select: { onHand: true } },
    },
    orderBy: [{ position: "asc" }, { sku: "asc" }],
  },
} satisfies Prisma.ProductSelect;
type ExportedProduct = Prisma.ProductGetPayload<{ select: typeof exportSelect }>;

/**
 * Every product, active and archived, by name, then its variants in position order: one row per
 * variant, the product's fields and option names on its first row only (Shopify's layout), the same
 * columns the import reads. Text cells that a spreadsheet would run as formulas are neutralised (see
 * csv.ts); the numeric columns are numbers.
 */
export async function exportProductsCsv(db: DbClient): Promise<{ csv: string; rows: number }> {
  const products = await db.product.findMany({
    select: exportSelect,
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  const rows = products.flatMap(rowsOf);
  return { csv: serializeCsv([PRODUCT_CSV_COLUMNS, ...rows]), rows: rows.length };
}

function rowsOf(product: ExportedProduct): CsvCell[][] {
  const currency = product.currency.trim();
  const names = product.options.map((option) => option.name);
  const optional = (value: number | null) => (value === null ? "" : csvNumber(value));
  return product.variants.map((variant, index) => {
    const first = index === 0;
    const values = [variant.option1, variant.option2, variant.option3];
    return [
      product.slug,
      ...(first
        ? [
            product.name,
            product.description,
            product.category?.slug ?? "",
            currency,
            csvNumber(product.lowStockThreshold),
            String(product.active),
          ]
        : ["", "", "", "", "", ""]),
      ...values.flatMap((value, option) => [first ? (names[option] ?? "") : "", value]),
      variant.sku,
      csvNumber(priceCellOf(variant.priceCents, currency)),
      variant.compareAtPriceCents === null
        ? ""
        : csvNumber(priceCellOf(variant.compareAtPriceCents, currency)),
      variant.barcode ?? "",
      optional(variant.weightGrams),
      csvNumber(variant.inventory?.onHand ?? 0),
      String(variant.active),
    ];
  });
}
