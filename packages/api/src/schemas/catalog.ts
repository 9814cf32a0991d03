import { z } from "zod";
import {
  MAX_OPTIONS,
  MAX_VARIANTS,
  type OptionDefinition,
  type VariantDefinition,
  variantProblems,
} from "../domain/variants.ts";
import { INT4_MAX, pageCursor, singleLineText, text } from "./text.ts";
import { OptionInput, VariantInput } from "./variant.ts";

export const ProductSortSchema = z.enum(["newest", "price_asc", "price_desc", "name"]);
export type ProductSort = z.infer<typeof ProductSortSchema>;

/** The highest price a product may have, in its currency's minor units. */
export const MAX_PRICE_CENTS = 100_000_000;

const cents = z.number().int("Use whole cents").min(0, "Must be zero or more");
/** A price filter: any amount a price column (int4) can hold. */
const centsFilter = cents.max(INT4_MAX, "That amount is too large");
export const SlugSchema = singleLineText()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

export const ProductListInput = z.object({
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(24),
  category: SlugSchema.optional(),
  minPriceCents: centsFilter.optional(),
  maxPriceCents: centsFilter.optional(),
  inStock: z.boolean().optional(),
  q: singleLineText().trim().max(200).optional(),
  sort: ProductSortSchema.default("newest"),
  /** Staff only: include archived products. */
  includeArchived: z.boolean().default(false),
});
export type ProductListFilter = z.infer<typeof ProductListInput>;

export const ProductIdInput = z.object({ id: z.uuid({ message: "Not a product id" }) });
export const ProductSlugInput = z.object({ slug: singleLineText().min(1).max(200) });

/** Editable product fields, without defaults: a patch must never reset what it does not mention. */
const productFields = {
  name: singleLineText().trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
  slug: SlugSchema,
  description: text().max(5000, "Use at most 5000 characters"),
  priceCents: cents.max(MAX_PRICE_CENTS, "That price is too high"),
  currency: singleLineText().regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD"),
  categoryId: z.uuid({ message: "Not a category id" }).nullable(),
  imageUrl: singleLineText()
    .max(2000)
    .refine(
      (value) => value.startsWith("/") || /^https?:\/\//.test(value),
      "Use a path such as /images/x.svg or an http(s) URL",
    )
    .nullable(),
  lowStockThreshold: z.number().int().min(0).max(100_000),
};

/** The low-stock threshold of a product created without one. */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/**
 * A new product. Without `variants` it gets one default variant with `priceCents` and `stock`; with
 * them (and the `options` they are combinations of) each variant has its own price and stock, and
 * the product's price is the lowest of them.
 */
export const CreateProductFields = z.object({
  ...productFields,
  slug: productFields.slug.optional(),
  description: productFields.description.default(""),
  currency: productFields.currency.default("USD"),
  categoryId: productFields.categoryId.optional(),
  imageUrl: productFields.imageUrl.optional(),
  lowStockThreshold: productFields.lowStockThreshold.default(DEFAULT_LOW_STOCK_THRESHOLD),
  priceCents: productFields.priceCents.optional(),
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000).default(0),
  options: z.array(OptionInput).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`).default([]),
  variants: z
    .array(VariantInput)
    .min(1, "Add at least one variant")
    .max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants`)
    .optional(),
});

/** The whole-product rules of a new product: a price or variants, and variants that fit the options. */
export function checkNewProduct(
  input: {
    priceCents?: unknown;
    price?: unknown;
    options?: OptionDefinition[];
    variants?: VariantDefinition[];
  },
  ctx: z.RefinementCtx,
  pricePath: "priceCents" | "price" = "priceCents",
) {
  if (!input.variants) {
    if (input[pricePath] === undefined)
      ctx.addIssue({ code: "custom", path: [pricePath], message: "Enter a price" });
    if ((input.options ?? []).length > 0)
      ctx.addIssue({ code: "custom", path: ["variants"], message: "Give the variants of these options" });
    return;
  }
  for (const problem of variantProblems(input.options ?? [], input.variants))
    ctx.addIssue({ code: "custom", ...problem });
}

export const CreateProductInput = CreateProductFields.superRefine(
  (input, ctx) => checkNewProduct(input, ctx),
  {
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  },
);
export type CreateProductData = z.infer<typeof CreateProductInput>;

export const UpdateProductInput = z.object({
  id: z.uuid({ message: "Not a product id" }),
  patch: z
    .object(productFields)
    .partial()
    .refine(
      (patch) => Object.values(patch).some((value) => value !== undefined),
      "Change at least one field",
    ),
});
export type ProductPatch = z.infer<typeof UpdateProductInput>["patch"];

/** The most products one bulk archive or restore may change. */
export const MAX_BULK_PRODUCTS = 100;

/** Archive (`archived: true`) or restore up to MAX_BULK_PRODUCTS products at once. */
export const BulkArchiveProductsInput = z.object({
  ids: z
    .array(z.uuid({ message: "Not a product id" }))
    .min(1, "Select at least one product")
    .max(MAX_BULK_PRODUCTS, `At most ${MAX_BULK_PRODUCTS} products at once`),
  archived: z.boolean(),
});
export type BulkArchiveProductsData = z.infer<typeof BulkArchiveProductsInput>;
