import { DEFAULT_CURRENCY } from "../domain/money.ts";
import { type OptionValues, variantTitle } from "../domain/variants.ts";
import { InvalidInputError } from "../errors.ts";
import {
  PRODUCT_CSV_COLUMNS,
  PRODUCT_CSV_MAX_BYTES,
  PRODUCT_CSV_MAX_ROWS,
  type ProductCsvColumn,
  ProductCsvRow,
  type ProductCsvRowData,
  readPriceCell,
} from "../schemas/product-csv.ts";
import { slugify } from "./catalog.ts";
import { type CsvRecord, CsvSyntaxError, parseCsv } from "./csv.ts";

// Reading a product CSV: the checks of the file as a whole, then of each row on its own (no database,
// no other rows but for the currency its prices are in).

/** A variant row's typed cells, prices in minor units of its product's currency. */
export type CsvRowCells = ProductCsvRowData & { priceCents: number; compareAtPriceCents: number | null };

export interface CsvRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  /** As typed, or made from the title when the cell is empty. */
  handle: string;
  handleFromTitle: boolean;
  /** The title cell as typed (the product's; may be empty after its first row). */
  productTitle: string;
  /** The option value cells as typed ("" when empty), and the variant title they make ("M / Black"). */
  values: OptionValues;
  title: string;
  sku: string;
  errors: string[];
  /** Set when every cell of the row is valid. */
  cells?: CsvRowCells;
}

const column = (name: ProductCsvColumn) => PRODUCT_CSV_COLUMNS.indexOf(name);

/** The data records of a product CSV, after the checks that refuse the whole file. */
export function readProductCsvRecords(csvText: string): CsvRecord[] {
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
  // Spreadsheets and people capitalise headers ("Handle"): the names are matched without case.
  if (found?.toLowerCase() !== expected.toLowerCase()) {
    throw new InvalidInputError(
      found === undefined
        ? `The file is empty; its first line must be the header ${expected}`
        : `The first line must be the header ${expected} (found ${found})`,
      { expected: [...PRODUCT_CSV_COLUMNS], found: header?.fields ?? [] },
    );
  }
  if (rows.length === 0) throw new InvalidInputError("The file has no variant rows below the header");
  if (rows.length > PRODUCT_CSV_MAX_ROWS) {
    throw new InvalidInputError(
      `The file has ${rows.length.toLocaleString("en-US")} rows; import at most ${PRODUCT_CSV_MAX_ROWS.toLocaleString("en-US")} at a time`,
      { rows: rows.length, maxRows: PRODUCT_CSV_MAX_ROWS },
    );
  }
  return rows;
}

const currencyCell = (fields: readonly string[]) => {
  const cell = fields[column("currency")]?.trim().toUpperCase() ?? "";
  return /^[A-Z]{3}$/.test(cell) ? cell : undefined;
};

/**
 * Each record's own checks. Prices are read in the row's currency, or, when its cell is empty, in the
 * currency of the first row of its handle (USD when that is empty or refused too).
 */
export function checkProductCsvRows(records: readonly CsvRecord[]): CsvRow[] {
  const currencyOfHandle = new Map<string, string>();
  return records.map((record) => {
    const row = rowOf(record);
    if (!currencyOfHandle.has(row.handle))
      currencyOfHandle.set(row.handle, currencyCell(record.fields) ?? DEFAULT_CURRENCY);
    const currency = currencyCell(record.fields) ?? currencyOfHandle.get(row.handle)!;
    checkCells(row, record.fields, currency);
    return row;
  });
}

function rowOf({ line, fields }: CsvRecord): CsvRow {
  const cell = (name: ProductCsvColumn) => fields[column(name)]?.trim() ?? "";
  const typedHandle = cell("handle");
  const title = cell("title");
  const handleFromTitle = typedHandle === "" && title !== "";
  const values: OptionValues = [cell("option1 value"), cell("option2 value"), cell("option3 value")];
  return {
    line,
    handle: handleFromTitle ? slugify(title) : typedHandle,
    handleFromTitle,
    productTitle: title,
    values,
    title: variantTitle(values),
    sku: cell("SKU"),
    errors: [],
  };
}

function checkCells(row: CsvRow, fields: readonly string[], currency: string): void {
  if (fields.length !== PRODUCT_CSV_COLUMNS.length) {
    row.errors.push(`Expected ${PRODUCT_CSV_COLUMNS.length} fields, found ${fields.length}`);
    return;
  }
  if (row.handle === "")
    row.errors.push("handle: Enter the product's handle (or, for a new product, its title)");
  const parsed = ProductCsvRow.safeParse(
    Object.fromEntries(PRODUCT_CSV_COLUMNS.map((name, index) => [name, fields[index]])),
  );
  const errors: { column: number; message: string }[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        column: column(issue.path[0] as ProductCsvColumn),
        message: `${issue.path.join(".")}: ${issue.message}`,
      }));
  const prices = { price: undefined as number | undefined, compareAt: null as number | null };
  for (const name of ["price", "compare-at price"] as const) {
    const text = fields[column(name)]?.trim() ?? "";
    if (text === "") continue; // an empty price is the schema's to name
    const read = readPriceCell(text, currency);
    if ("error" in read) errors.push({ column: column(name), message: `${name}: ${read.error}` });
    else if (name === "price") prices.price = read.cents;
    else if (read.cents === 0)
      errors.push({ column: column(name), message: `${name}: Leave it empty, or use more than 0` });
    else prices.compareAt = read.cents;
  }
  // In column order, as the file reads.
  row.errors.push(...errors.sort((a, b) => a.column - b.column).map((error) => error.message));
  if (parsed.success && row.errors.length === 0)
    row.cells = { ...parsed.data, priceCents: prices.price ?? 0, compareAtPriceCents: prices.compareAt };
}
