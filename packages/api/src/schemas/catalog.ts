import { z } from "zod";
import { INT4_MAX, pageCursor, singleLineText, text } from "./text.ts";

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

export const CreateProductInput = z.object({
  ...productFields,
  slug: productFields.slug.optional(),
  description: productFields.description.default(""),
  currency: productFields.currency.default("USD"),
  categoryId: productFields.categoryId.optional(),
  imageUrl: productFields.imageUrl.optional(),
  lowStockThreshold: productFields.lowStockThreshold.default(DEFAULT_LOW_STOCK_THRESHOLD),
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000).default(0),
});
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
