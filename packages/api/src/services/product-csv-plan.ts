import type { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { InvalidInputError } from "../errors.ts";
import {
  PRODUCT_CSV_COLUMNS,
  PRODUCT_CSV_MAX_BYTES,
  PRODUCT_CSV_MAX_ROWS,
  type ProductCsvColumn,
  ProductCsvRow,
  type ProductCsvRowData,
} from "../schemas/product-csv.ts";
import { slugify } from "./catalog.ts";
import { type CsvRecord, CsvSyntaxError, parseCsv } from "./csv.ts";

export interface ProductImportRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  slug: string;
  name: string;
  action: "create" | "update";
  errors: string[];
}

export const existingProductSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  currency: true,
  categoryId: true,
  lowStockThreshold: true,
  active: true,
  inventory: { select: { onHand: true } },
} satisfies Prisma.ProductSelect;
export type ExistingProduct = Prisma.ProductGetPayload<{ select: typeof existingProductSelect }>;

/** A row and, when it has no errors, what it will write. */
export interface PlannedRow extends ProductImportRow {
  data?: ProductCsvRowData & { slug: string; categoryId: string | null };
  existing?: ExistingProduct;
}

/**
 * Parses and checks every row of a product CSV against the database without writing anything, and
 * decides per row whether it creates a product (slug not found) or updates one. Problems with the
 * file as a whole (size, syntax, header, row count) throw; problems with a row go in its `errors`.
 */
export async function planProductImport(db: DbClient, csvText: string): Promise<PlannedRow[]> {
  const records = readRecords(csvText);
  const rows = records.map(checkRecord);

  const slugs = [...new Set(rows.map((row) => row.slug).filter(Boolean))];
  // One after the other: inside the import's transaction both share one connection.
  const existing = await db.product.findMany({
    where: { slug: { in: slugs } },
    select: existingProductSelect,
  });
  const categories = await db.category.findMany({ select: { id: true, slug: true } });
  const productBySlug = new Map(existing.map((product) => [product.slug, product]));
  const categoryIdBySlug = new Map(categories.map((category) => [category.slug, category.id]));
  const linesBySlug = new Map<string, number[]>();
  for (const row of rows) linesBySlug.set(row.slug, [...(linesBySlug.get(row.slug) ?? []), row.line]);

  return rows.map((row) => {
    const existingProduct = productBySlug.get(row.slug);
    const planned: PlannedRow = {
      ...row.view,
      action: existingProduct ? "update" : "create",
      existing: existingProduct,
    };
    const others = (linesBySlug.get(row.slug) ?? []).filter((line) => line !== row.line);
    if (row.slug && others.length > 0) {
      planned.errors.push(
        `slug: ${row.slug} is also on line${others.length > 1 ? "s" : ""} ${others.join(", ")}`,
      );
    }
    if (!row.data) return planned;
    if (row.slugFromName && existingProduct) {
      planned.errors.push(
        `slug: empty, and the slug made from the name (${row.slug}) belongs to an existing product; enter it to update that product, or enter a new slug`,
      );
    }
    const categoryId = row.data.category === null ? null : categoryIdBySlug.get(row.data.category);
    if (categoryId === undefined) planned.errors.push(`category: there is no category ${row.data.category}`);
    if (planned.errors.length === 0 && categoryId !== undefined) {
      planned.data = { ...row.data, slug: row.slug, categoryId };
    }
    return planned;
  });
}

function readRecords(csvText: string): CsvRecord[] {
  if (Buffer.byteLength(csvText, "utf8") > PRODUCT_CSV_MAX_BYTES) {
    throw new InvalidInputError("The file is larger than 1 MB; split it and import the parts one by one", {
      maxBytes: PRODUCT_CSV_MAX_BYTES,
    });
  }
  let records: CsvRecord[];
  try {
    records = parseCsv(csvText);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new InvalidInputError(`Line ${error.line}: ${error.message}`, { line: error.line });
  }
  const [header, ...rows] = records;
  const expected = PRODUCT_CSV_COLUMNS.join(",");
  const found = header?.fields.map((field) => field.trim()).join(",");
  if (found !== expected) {
    throw new InvalidInputError(
      found === undefined
        ? `The file is empty; its first line must be the header ${expected}`
        : `The first line must be the header ${expected} (found ${found})`,
      { expected: [...PRODUCT_CSV_COLUMNS], found: header?.fields ?? [] },
    );
  }
  if (rows.length === 0) throw new InvalidInputError("The file has no product rows below the header");
  if (rows.length > PRODUCT_CSV_MAX_ROWS) {
    throw new InvalidInputError(
      `The file has ${rows.length.toLocaleString("en-US")} rows; import at most ${PRODUCT_CSV_MAX_ROWS.toLocaleString("en-US")} at a time`,
      { rows: rows.length, maxRows: PRODUCT_CSV_MAX_ROWS },
    );
  }
  return rows;
}

interface CheckedRecord {
  line: number;
  slug: string;
  slugFromName: boolean;
  view: Omit<ProductImportRow, "action">;
  data?: ProductCsvRowData;
}

/** The checks one row needs on its own (no database). */
function checkRecord({ line, fields }: CsvRecord): CheckedRecord {
  const typedSlug = fields[0]?.trim() ?? "";
  const name = fields[1]?.trim() ?? "";
  const slugFromName = typedSlug === "" && name !== "";
  const slug = slugFromName ? slugify(name) : typedSlug;
  const view = { line, slug, name, errors: [] as string[] };
  if (fields.length !== PRODUCT_CSV_COLUMNS.length) {
    view.errors.push(`Expected ${PRODUCT_CSV_COLUMNS.length} fields, found ${fields.length}`);
    return { line, slug, slugFromName, view };
  }
  const parsed = ProductCsvRow.safeParse(
    Object.fromEntries(PRODUCT_CSV_COLUMNS.map((column, index) => [column, fields[index]])),
  );
  if (!parsed.success) {
    // In column order, as the file reads (the price is checked after the cells, beside its currency).
    const column = (path: PropertyKey[]) => PRODUCT_CSV_COLUMNS.indexOf(path[0] as ProductCsvColumn);
    const issues = [...parsed.error.issues].sort((a, b) => column(a.path) - column(b.path));
    view.errors.push(...issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
    return { line, slug, slugFromName, view };
  }
  return { line, slug, slugFromName, view, data: parsed.data };
}
