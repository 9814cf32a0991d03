import { combinationKey, DEFAULT_VARIANT_TITLE } from "../domain/variants.ts";
import {
  PRODUCT_CSV_PRODUCT_COLUMNS,
  type ProductCsvFields,
  type ProductCsvRowData,
  productFieldsOf,
} from "../schemas/product-csv.ts";
import type { CsvRow } from "./product-csv-rows.ts";

// The rows of one handle as one product: its fields and option names from its first row, which
// later rows may repeat or leave empty, and one value per named option on every row.

export interface CsvProduct {
  handle: string;
  rows: CsvRow[];
  /** False when the rows cannot be read as one product (its first row or its handle is in error). */
  readable: boolean;
  /** From the first row, with defaults; set when readable. */
  fields?: ProductCsvFields;
  /** Names from the first row, values in the order they first appear. */
  options: { name: string; values: string[] }[];
}

const lineList = (lines: readonly number[]) =>
  lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]}–${lines.at(-1)}`;

/** Consecutive rows of a handle make one product; a handle whose rows are apart is an error on the later ones. */
export function groupProductCsvRows(rows: readonly CsvRow[]): CsvProduct[] {
  const products: CsvProduct[] = [];
  const firstRun = new Map<string, CsvProduct>();
  for (const row of rows) {
    const last = products.at(-1);
    if (last && last.handle === row.handle && row.handle !== "") {
      last.rows.push(row);
      continue;
    }
    const product: CsvProduct = { handle: row.handle, rows: [row], readable: row.handle !== "", options: [] };
    const earlier = firstRun.get(row.handle);
    if (earlier) product.readable = false;
    else if (row.handle !== "") firstRun.set(row.handle, product);
    products.push(product);
  }
  for (const product of products) {
    const earlier = firstRun.get(product.handle);
    if (earlier && earlier !== product) {
      const lines = lineList(earlier.rows.map((row) => row.line));
      for (const row of product.rows)
        row.errors.push(`handle: ${product.handle} is also on ${lines}; keep a product's rows together`);
    }
    if (product.readable) checkProduct(product);
  }
  return products;
}

const optionColumns = [1, 2, 3] as const;

function checkProduct(product: CsvProduct): void {
  const [first, ...later] = product.rows;
  if (!first?.cells) {
    product.readable = false;
    return;
  }
  if (first.cells.title === undefined) first.errors.push("title: Enter the product's title on its first row");
  const fields = productFieldsOf(first.cells);
  const names = optionNamesOf(first);
  product.fields = fields;
  product.options = names.map((name) => ({ name, values: [] }));

  for (const row of later) if (row.cells) checkRepeatedCells(row, row.cells, first, fields, names);
  const lineOfCombination = new Map<string, number>();
  for (const row of product.rows) {
    if (!row.cells) continue;
    checkValues(row, names, first.line);
    const key = combinationKey(row.values);
    const twin = lineOfCombination.get(key);
    if (twin !== undefined)
      row.errors.push(
        row.title === DEFAULT_VARIANT_TITLE
          ? `option1 value: a product without options has one row (line ${twin}); name its options to list variants`
          : `option values: ${row.title} is also on line ${twin}; each variant is one combination`,
      );
    else lineOfCombination.set(key, row.line);
    row.values.forEach((value, index) => {
      const option = product.options[index];
      if (option && value !== "" && !option.values.includes(value)) option.values.push(value);
    });
  }
}

/** The first row's option names, which must be option1, then 2, then 3, each once. */
function optionNamesOf(first: CsvRow): string[] {
  const cells = first.cells!;
  const names: string[] = [];
  for (const index of optionColumns) {
    const name = cells[`option${index} name`];
    if (name === undefined) continue;
    if (names.length !== index - 1) first.errors.push(`option${index} name: name option${index - 1} first`);
    else if (names.includes(name)) first.errors.push(`option${index} name: ${name} is named twice`);
    else names.push(name);
  }
  return names;
}

function checkRepeatedCells(
  row: CsvRow,
  cells: ProductCsvRowData,
  first: CsvRow,
  fields: ProductCsvFields,
  names: readonly string[],
): void {
  const expected: Record<(typeof PRODUCT_CSV_PRODUCT_COLUMNS)[number], unknown> = {
    title: fields.name,
    description: fields.description,
    category: fields.category,
    currency: fields.currency,
    "low stock threshold": fields.lowStockThreshold,
    active: fields.active,
  };
  const differs = (name: string, given: unknown, wanted: unknown) =>
    row.errors.push(
      `${name}: ${JSON.stringify(given)} differs from line ${first.line} (${wanted === undefined || wanted === null ? "empty" : JSON.stringify(wanted)}); leave it empty or repeat it`,
    );
  for (const name of PRODUCT_CSV_PRODUCT_COLUMNS) {
    const given = cells[name];
    if (given !== undefined && given !== expected[name]) differs(name, given, expected[name]);
  }
  for (const index of optionColumns) {
    const given = cells[`option${index} name`];
    if (given !== undefined && given !== names[index - 1])
      differs(`option${index} name`, given, names[index - 1]);
  }
}

function checkValues(row: CsvRow, names: readonly string[], firstLine: number): void {
  for (const index of optionColumns) {
    const name = names[index - 1];
    const value = row.values[index - 1];
    if (name !== undefined && value === "")
      row.errors.push(`option${index} value: Enter this variant's ${name}`);
    else if (name === undefined && value !== "")
      row.errors.push(`option${index} value: line ${firstLine} names no option${index}; name it there first`);
  }
}
