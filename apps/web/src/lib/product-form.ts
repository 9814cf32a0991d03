import {
  CreateProductInput,
  DEFAULT_CURRENCY,
  DEFAULT_LOW_STOCK_THRESHOLD,
  isCurrencyCode,
  type RouterOutputs,
  roundToMinorUnits,
  toMajorUnits,
} from "@stockroom/api/schemas";
import { z } from "zod";
import { OptionRowFields, optionRowProblems } from "./product-options-form";
import { parseVariantRows, VariantRowFields } from "./variant-grid-form";

/** What the product form holds: text as typed, the price in the currency's major units. */
export const ProductFormFields = z.object({
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  price: z.string(),
  currency: z.string(),
  categoryId: z.string(),
  imageUrl: z.string(),
  lowStockThreshold: z.string(),
  stock: z.string(),
  /** A new product's options; with any, its variants replace the price and stock above. */
  options: z.array(OptionRowFields),
  variants: z.array(VariantRowFields),
});
export type ProductFormValues = z.infer<typeof ProductFormFields>;

type Product = RouterOutputs["product"]["byId"];

export function productFormDefaults(product?: Product): ProductFormValues {
  return {
    name: product?.name ?? "",
    slug: product?.slug ?? "",
    description: product?.description ?? "",
    price: product ? String(toMajorUnits(product.priceCents, product.currency)) : "",
    currency: product?.currency ?? DEFAULT_CURRENCY,
    categoryId: product?.category?.id ?? "",
    imageUrl: product?.imageUrl ?? "",
    lowStockThreshold: String(product?.lowStockThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD),
    stock: "0",
    options: [],
    variants: [],
  };
}

/** A number typed in a box; an empty box is no number at all, never zero. */
const typedNumber = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/** A product with options needs its variants generated before it can be created. */
const GENERATE_FIRST = "Generate the variants of these options";

/**
 * The form's values checked by the API's own CreateProductInput, so the browser refuses exactly what the
 * server would, with the same messages, reported on the form's fields (the price, not priceCents; a
 * variant's problems on its row of the grid).
 */
export const ProductFormSchema = ProductFormFields.transform((values, ctx) => {
  const currency = values.currency.trim() || DEFAULT_CURRENCY;
  // A malformed currency is refused below; meanwhile its price is read in the shop currency's units.
  const priceCurrency = isCurrencyCode(currency) ? currency : DEFAULT_CURRENCY;
  const price = typedNumber(values.price);
  const withOptions = values.options.length > 0;
  const base = {
    name: values.name.trim(),
    slug: values.slug.trim() || undefined,
    description: values.description.trim(),
    currency,
    categoryId: values.categoryId || null,
    imageUrl: values.imageUrl.trim() || null,
    lowStockThreshold: typedNumber(values.lowStockThreshold || String(DEFAULT_LOW_STOCK_THRESHOLD)),
  };
  let variantsPart: Record<string, unknown> = {
    priceCents: Number.isFinite(price) ? roundToMinorUnits(price, priceCurrency) : Number.NaN,
    stock: typedNumber(values.stock || "0"),
  };
  if (withOptions) {
    const { options, problems } = optionRowProblems(values.options);
    for (const problem of problems) ctx.addIssue({ code: "custom", ...problem });
    const grid = parseVariantRows(values.variants, options, priceCurrency);
    for (const problem of grid.problems)
      ctx.addIssue({
        code: "custom",
        message: problem.message,
        path: ["variants", problem.index, problem.field],
      });
    if (values.variants.length === 0)
      ctx.addIssue({ code: "custom", message: GENERATE_FIRST, path: ["variants"] });
    if (problems.length > 0 || grid.problems.length > 0 || values.variants.length === 0) return z.NEVER;
    variantsPart = {
      options,
      variants: grid.rows.map(({ id: _id, version: _version, ...variant }) => variant),
    };
  }
  const parsed = CreateProductInput.safeParse({ ...base, ...variantsPart });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    if (field === "variants" || field === "options") {
      ctx.addIssue({
        code: "custom",
        message: issue.message,
        path: issue.path.map((part) => part as string | number),
      });
      continue;
    }
    const message =
      field !== "priceCents" || !Number.isNaN(price)
        ? issue.message
        : values.price.trim() === ""
          ? "Enter a price"
          : "Enter a number";
    ctx.addIssue({ code: "custom", message, path: [field === "priceCents" ? "price" : field] });
  }
  return z.NEVER;
});
