import {
  isCurrencyCode,
  type OptionDefinition,
  type RouterOutputs,
  roundToMinorUnits,
  toMajorUnits,
  VariantInput,
  type VariantPatch,
  variantProblems,
  variantTitle,
} from "@stockroom/api/schemas";
import { z } from "zod";

/** A row of the variants grid as typed: prices in the currency's major units, stock as a level. */
export const VariantRowFields = z.object({
  /** The variant's id; "" for a row not yet saved (a new product's). */
  id: z.string(),
  /** The stock level's version when it was read (an adjustment names it); -1 for a new row. */
  version: z.number(),
  options: z.record(z.string(), z.string()),
  title: z.string(),
  sku: z.string(),
  price: z.string(),
  compareAtPrice: z.string(),
  stock: z.string(),
  active: z.boolean(),
});
export type VariantRowValues = z.infer<typeof VariantRowFields>;
export type VariantRowField = "title" | "sku" | "price" | "compareAtPrice" | "stock" | "active";

/** A row that passed the API's VariantInput: what product.create, updateVariants and adjust are sent. */
export interface VariantRow {
  id: string;
  version: number;
  options: Record<string, string>;
  sku: string | undefined;
  priceCents: number;
  compareAtPriceCents: number | null;
  stock: number;
  active: boolean;
}

type Product = RouterOutputs["product"]["byId"];

const major = (cents: number, currency: string) => String(toMajorUnits(cents, currency));

/** The grid's rows for a product's variants, in their order, with each one's stock level and version. */
export function variantRowsOf(
  product: Pick<Product, "currency" | "variants">,
  levels: ReadonlyMap<string, { onHand: number; version: number }>,
): VariantRowValues[] {
  return product.variants.map((variant) => ({
    id: variant.id,
    version: levels.get(variant.id)?.version ?? -1,
    options: variant.options,
    title: variant.title,
    sku: variant.sku,
    price: major(variant.priceCents, product.currency),
    compareAtPrice:
      variant.compareAtPriceCents === null ? "" : major(variant.compareAtPriceCents, product.currency),
    stock: String(levels.get(variant.id)?.onHand ?? variant.stock),
    active: variant.active,
  }));
}

/**
 * Every combination of the options as rows ("Generate variants"), in option order. A row already in
 * the grid for a combination is kept as it is; new ones get `fill`'s price and stock.
 */
export function generatedRows(
  combinations: readonly Record<string, string>[],
  names: readonly string[],
  current: readonly VariantRowValues[],
  fill: { price: string; stock: string },
): VariantRowValues[] {
  const keyOf = (options: Record<string, string>) => JSON.stringify(names.map((name) => options[name] ?? ""));
  const byKey = new Map(current.map((row) => [keyOf(row.options), row]));
  return combinations.map(
    (options) =>
      byKey.get(keyOf(options)) ?? {
        id: "",
        version: -1,
        options,
        title: variantTitle(names.map((name) => options[name] ?? "")),
        sku: "",
        price: fill.price,
        compareAtPrice: "",
        stock: fill.stock || "0",
        active: true,
      },
  );
}

const typedNumber = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

const FIELD_OF: Record<string, VariantRowField> = {
  sku: "sku",
  priceCents: "price",
  compareAtPriceCents: "compareAtPrice",
  stock: "stock",
  active: "active",
  options: "title",
};

/** The grid field an API path names ("priceCents", "patch.sku", "options.Size"): the row's title for its values. */
export function rowFieldOf(path: PropertyKey | undefined): VariantRowField {
  return FIELD_OF[String(path ?? "")] ?? "title";
}

export interface RowProblem {
  index: number;
  field: VariantRowField;
  message: string;
}

/**
 * The typed rows checked by the API's VariantInput one by one, then as a whole (no twin combinations
 * or SKUs, values of the options), each message on its row's field. A blank SKU is left to the API's
 * default on a new product; an existing variant keeps one.
 */
export function parseVariantRows(
  rows: readonly VariantRowValues[],
  options: readonly OptionDefinition[],
  currencyTyped: string,
): { rows: VariantRow[]; problems: RowProblem[] } {
  const currency = isCurrencyCode(currencyTyped) ? currencyTyped : "USD";
  const problems: RowProblem[] = [];
  const parsedRows: VariantRow[] = [];
  rows.forEach((row, index) => {
    const price = typedNumber(row.price);
    const compareAt = typedNumber(row.compareAtPrice);
    const stock = typedNumber(row.stock);
    if (Number.isNaN(price))
      problems.push({
        index,
        field: "price",
        message: row.price.trim() === "" ? "Enter a price" : "Enter a number",
      });
    if (row.compareAtPrice.trim() !== "" && Number.isNaN(compareAt))
      problems.push({ index, field: "compareAtPrice", message: "Enter a number" });
    if (Number.isNaN(stock))
      problems.push({ index, field: "stock", message: "Enter a whole number of zero or more" });
    const sku = row.sku.trim();
    if (row.id !== "" && sku === "") problems.push({ index, field: "sku", message: "Enter a SKU" });
    const parsed = VariantInput.safeParse({
      options: row.options,
      sku: sku || undefined,
      priceCents: Number.isNaN(price) ? 0 : roundToMinorUnits(price, currency),
      compareAtPriceCents:
        row.compareAtPrice.trim() === "" || Number.isNaN(compareAt)
          ? null
          : roundToMinorUnits(compareAt, currency),
      stock: Number.isNaN(stock) ? 0 : stock,
      active: row.active,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ index, field: rowFieldOf(issue.path[0]), message: issue.message });
      return;
    }
    parsedRows.push({
      id: row.id,
      version: row.version,
      options: parsed.data.options,
      sku: parsed.data.sku,
      priceCents: parsed.data.priceCents,
      compareAtPriceCents: parsed.data.compareAtPriceCents ?? null,
      stock: parsed.data.stock,
      active: parsed.data.active,
    });
  });
  if (problems.length === 0)
    for (const problem of variantProblems(options, parsedRows))
      problems.push({
        index: Number(problem.path[1]),
        field: rowFieldOf(problem.path[2]),
        message: problem.message,
      });
  return { rows: parsedRows, problems };
}

/** What of a variant changed since it was read: its fields for updateVariants, its stock for an adjustment. */
export function variantChanges(
  before: VariantRow,
  after: VariantRow,
): { patch: VariantPatch | null; stock: number | null } {
  const patch: VariantPatch = {};
  if (after.sku !== undefined && after.sku !== before.sku) patch.sku = after.sku;
  if (after.priceCents !== before.priceCents) patch.priceCents = after.priceCents;
  if (after.compareAtPriceCents !== before.compareAtPriceCents)
    patch.compareAtPriceCents = after.compareAtPriceCents;
  if (after.active !== before.active) patch.active = after.active;
  return {
    patch: Object.keys(patch).length > 0 ? patch : null,
    stock: after.stock !== before.stock ? after.stock : null,
  };
}

/** The grid form of an existing product's variants. */
export const VariantGridFields = z.object({ variants: z.array(VariantRowFields) });
export type VariantGridValues = z.infer<typeof VariantGridFields>;

/** The grid's rows checked as parseVariantRows does, for react-hook-form's resolver. */
export function variantGridSchema(options: readonly OptionDefinition[], currency: string) {
  return VariantGridFields.transform((values, ctx) => {
    const { rows, problems } = parseVariantRows(values.variants, options, currency);
    if (problems.length === 0) return rows;
    for (const problem of problems)
      ctx.addIssue({
        code: "custom",
        message: problem.message,
        path: ["variants", problem.index, problem.field],
      });
    return z.NEVER;
  });
}

/** Each variant as last saved (its stock level and version too): what the grid's changes are measured against. */
export function savedVariantRows(
  product: Pick<Product, "variants">,
  levels: ReadonlyMap<string, { onHand: number; version: number }>,
): Map<string, VariantRow> {
  return new Map(
    product.variants.map((variant) => [
      variant.id,
      {
        id: variant.id,
        version: levels.get(variant.id)?.version ?? -1,
        options: variant.options,
        sku: variant.sku,
        priceCents: variant.priceCents,
        compareAtPriceCents: variant.compareAtPriceCents,
        stock: levels.get(variant.id)?.onHand ?? variant.stock,
        active: variant.active,
      },
    ]),
  );
}

/** A saved row as the grid shows it, in the product's currency. */
export function typedRowOf(row: VariantRow, title: string, currency: string): VariantRowValues {
  return {
    id: row.id,
    version: row.version,
    options: row.options,
    title,
    sku: row.sku ?? "",
    price: major(row.priceCents, currency),
    compareAtPrice: row.compareAtPriceCents === null ? "" : major(row.compareAtPriceCents, currency),
    stock: String(row.stock),
    active: row.active,
  };
}

/** What the API said when it refused a call: its message, zod's field issues, the error's details. */
export interface Refusal {
  message: string;
  /** Dotted paths ("variants.1.patch.sku"). */
  issues: readonly { path: string; message: string }[];
  details: Record<string, unknown> | undefined;
}

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/**
 * The rows holding a SKU that a 409 names as taken (`details.skus`, as product.create and
 * updateVariants send it), each marked on its SKU field. A blank SKU (the API makes one from the
 * slug) cannot be matched here; the form's message above says which.
 */
export function takenSkuProblems(
  details: Record<string, unknown> | undefined,
  rows: readonly Pick<VariantRowValues, "sku">[],
): RowProblem[] {
  const taken = new Set(stringsOf(details?.skus));
  return rows.flatMap((row, index) => {
    const sku = row.sku.trim();
    return sku !== "" && taken.has(sku)
      ? [{ index, field: "sku" as const, message: `SKU ${sku} is already in use` }]
      : [];
  });
}

/**
 * Where a refused updateVariants call puts its problems in the grid: `sentIds` are the variants it
 * listed, in order (zod's "variants.N.patch.sku" and a domain problem's ["variants", N, ...] are the
 * Nth of them); a taken SKU, a twin combination or a variant that is gone is marked on the row that
 * holds it. A refusal that names no row gives none: the form says it above the grid.
 */
export function batchRefusalProblems(
  refusal: Refusal,
  rows: readonly Pick<VariantRowValues, "id" | "sku" | "title">[],
  sentIds: readonly string[],
): RowProblem[] {
  const rowOfSent = (position: unknown) => rows.findIndex((row) => row.id === sentIds[Number(position)]);
  const problems: RowProblem[] = [];
  for (const issue of refusal.issues) {
    const [list, position, part, field] = issue.path.split(".");
    const index = list === "variants" ? rowOfSent(position) : -1;
    if (index >= 0)
      problems.push({ index, field: rowFieldOf(part === "patch" ? field : part), message: issue.message });
  }
  const details = refusal.details;
  problems.push(...takenSkuProblems(details, rows));
  const twins = new Set(stringsOf(details?.combinations));
  rows.forEach((row, index) => {
    if (twins.has(row.title)) problems.push({ index, field: "title", message: refusal.message });
  });
  const domainProblems = Array.isArray(details?.problems)
    ? (details.problems as { path?: unknown; message?: unknown }[])
    : [];
  for (const problem of domainProblems) {
    const path = Array.isArray(problem.path) ? problem.path : [];
    const index = path[0] === "variants" ? rowOfSent(path[1]) : -1;
    if (index >= 0 && typeof problem.message === "string")
      problems.push({ index, field: rowFieldOf(path[2]), message: problem.message });
  }
  if (typeof details?.variantId === "string" && problems.length === 0) {
    const index = rows.findIndex((row) => row.id === details.variantId);
    if (index >= 0) problems.push({ index, field: "title", message: refusal.message });
  }
  return problems;
}
