import type { Prisma } from "@stockroom/db";
import {
  combinationKey,
  MAX_VARIANTS,
  type OptionValues,
  optionsByName,
  variantProblems,
  variantTitle,
} from "../domain/variants.ts";
import type { ProductCsvFields } from "../schemas/product-csv.ts";
import type { CsvProduct } from "./product-csv-group.ts";
import type { CsvRow, CsvRowCells } from "./product-csv-rows.ts";
import { variantViewSelect } from "./product-view.ts";
import { defaultSku } from "./variants.ts";

// One product of the file against the database: its rows matched with its variants (by SKU, or by
// values when the SKU cell is empty), and the rules about the product as a whole.

export const existingProductSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  currency: true,
  categoryId: true,
  lowStockThreshold: true,
  active: true,
  options: { select: { position: true, name: true, values: true }, orderBy: { position: "asc" } },
  variants: {
    select: variantViewSelect,
    orderBy: { position: "asc" },
  },
} satisfies Prisma.ProductSelect;
export type ExistingProduct = Prisma.ProductGetPayload<{ select: typeof existingProductSelect }>;
export type ExistingVariant = ExistingProduct["variants"][number];

export interface PlannedVariant {
  row: CsvRow;
  cells: CsvRowCells;
  sku: string;
  /** The variant the row updates; absent when it adds one. */
  existing?: ExistingVariant;
  fieldsChanged: boolean;
  stockChanged: boolean;
}

export interface PlannedProduct {
  handle: string;
  existing?: ExistingProduct;
  fields: ProductCsvFields & { categoryId: string | null };
  fieldsChanged: boolean;
  /** Its options after the import: an existing product's values, then the file's new ones. */
  options: { name: string; values: string[] }[];
  variants: PlannedVariant[];
}

const valuesOf = (variant: ExistingVariant): OptionValues => [
  variant.option1,
  variant.option2,
  variant.option3,
];

export interface PlanContext {
  productBySlug: Map<string, ExistingProduct>;
  holderBySku: Map<string, { sku: string; productId: string; product: { slug: string } }>;
  categoryIdBySlug: Map<string, string>;
}

/** The product's rows matched with its variants, with the rules about the product as a whole. */
export function planProduct(product: CsvProduct, context: PlanContext): PlannedProduct | undefined {
  const first = product.rows[0]!;
  if (!product.readable || !product.fields) return undefined;
  const existing = context.productBySlug.get(product.handle);
  const categoryId =
    product.fields.category === null ? null : context.categoryIdBySlug.get(product.fields.category);
  if (categoryId === undefined)
    first.errors.push(`category: there is no category ${product.fields.category}`);
  if (first.handleFromTitle && existing)
    first.errors.push(
      `handle: empty, and the handle made from the title (${product.handle}) belongs to an existing product; enter it to update that product, or enter a new handle`,
    );
  const options = existing ? mergedOptions(product, existing) : product.options;

  const variants: PlannedVariant[] = [];
  for (const row of product.rows) {
    if (!row.cells) continue;
    const variant = matchVariant(row, row.cells, product.handle, existing, context);
    if (variant) variants.push(variant);
  }
  const untouched = (existing?.variants ?? []).filter(
    (variant) => !variants.some((planned) => planned.existing === variant),
  );
  const total = variants.length + untouched.length;
  if (total > MAX_VARIANTS)
    first.errors.push(
      `handle: ${product.handle} would have ${total} variants; a product has at most ${MAX_VARIANTS}`,
    );
  // The variants service's own checks of the product as a whole, in case a rule above missed a case.
  if (product.rows.every((row) => row.errors.length === 0)) {
    const names = options.map((option) => option.name);
    const all = [
      ...variants.map((variant) => ({ sku: variant.sku, values: variant.row.values })),
      ...untouched.map((variant) => ({ sku: variant.sku, values: valuesOf(variant) })),
    ];
    const problems = variantProblems(
      options,
      all.map(({ sku, values }) => ({ sku, options: optionsByName(names, values) })),
    );
    for (const problem of problems) {
      const index = problem.path[0] === "variants" ? problem.path[1] : undefined;
      const row = typeof index === "number" ? (variants[index]?.row ?? first) : first;
      row.errors.push(problem.message);
    }
  }
  return {
    handle: product.handle,
    existing,
    fields: { ...product.fields, categoryId: categoryId ?? null },
    fieldsChanged:
      existing !== undefined && productFieldsChanged(product.fields, categoryId ?? null, existing),
    options,
    variants,
  };
}

/** An existing product keeps its options: the file must name them, and may add values. */
function mergedOptions(product: CsvProduct, existing: ExistingProduct) {
  const first = product.rows[0]!;
  const names = product.options.map((option) => option.name);
  const existingNames = existing.options.map((option) => option.name);
  if (names.join("\u0000") !== existingNames.join("\u0000")) {
    first.errors.push(
      existingNames.length === 0
        ? `option1 name: ${product.handle} has no options; add options on its product page, then import its variants`
        : `option1 name: ${product.handle}'s options are ${existingNames.join(", ")}, in that order; name them so (change options on its product page)`,
    );
    return existing.options.map((option) => ({ name: option.name, values: [...option.values] }));
  }
  return existing.options.map((option, index) => ({
    name: option.name,
    values: [
      ...option.values,
      ...(product.options[index]?.values ?? []).filter((value) => !option.values.includes(value)),
    ],
  }));
}

/** The variant a row updates (by SKU, or by combination when the SKU cell is empty), or the one it adds. */
function matchVariant(
  row: CsvRow,
  cells: CsvRowCells,
  handle: string,
  existing: ExistingProduct | undefined,
  context: PlanContext,
): PlannedVariant | undefined {
  const key = combinationKey(row.values);
  const sameCombination = existing?.variants.find((variant) => combinationKey(valuesOf(variant)) === key);
  let match: ExistingVariant | undefined;
  if (row.sku) {
    match = existing?.variants.find((variant) => variant.sku === row.sku);
    if (match && match !== sameCombination) {
      row.errors.push(
        `option values: SKU ${row.sku} is the ${variantTitle(valuesOf(match))} variant; change a variant's options on its product page`,
      );
      return undefined;
    }
    if (!match && sameCombination) {
      row.errors.push(
        `option values: ${handle} already has a ${row.title} variant (SKU ${sameCombination.sku}); use its SKU to update it`,
      );
      return undefined;
    }
  } else match = sameCombination;
  const sku = match?.sku ?? (row.sku || defaultSku(handle, row.values));
  const holder = context.holderBySku.get(sku);
  if (!match && holder && holder.productId !== existing?.id) {
    row.errors.push(
      row.sku
        ? `SKU: ${sku} belongs to product ${holder.product.slug}`
        : `SKU: empty, and the SKU made from the handle and values (${sku}) belongs to product ${holder.product.slug}; enter a SKU`,
    );
    return undefined;
  }
  return {
    row,
    cells,
    sku,
    existing: match,
    fieldsChanged: match !== undefined && variantFieldsChanged(cells, match),
    stockChanged: match !== undefined && cells.stock !== (match.inventory?.onHand ?? 0),
  };
}

function productFieldsChanged(
  fields: ProductCsvFields,
  categoryId: string | null,
  existing: ExistingProduct,
) {
  return (
    fields.name !== existing.name ||
    fields.description !== existing.description ||
    fields.currency !== existing.currency.trim() ||
    categoryId !== existing.categoryId ||
    fields.lowStockThreshold !== existing.lowStockThreshold ||
    fields.active !== existing.active
  );
}

function variantFieldsChanged(cells: CsvRowCells, existing: ExistingVariant) {
  return (
    cells.priceCents !== existing.priceCents ||
    cells.compareAtPriceCents !== existing.compareAtPriceCents ||
    (cells.barcode ?? null) !== existing.barcode ||
    (cells["weight grams"] ?? null) !== existing.weightGrams ||
    cells["variant active"] !== existing.active
  );
}
