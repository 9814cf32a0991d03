import { z } from "zod";
import { MAX_OPTIONS, MAX_VARIANTS, variantProblems } from "../domain/variants.ts";
import { singleLineText } from "./text.ts";

// Options and variants of a product (issue 14). Field rules live here once; the product schemas
// (catalog.ts) and the variant procedures use them, and the whole-product rules (one listed value per
// option, no twin combinations or SKUs) are domain/variants.ts's.

export const MAX_VARIANT_PRICE_CENTS = 100_000_000;
const cents = z.number().int("Use whole cents").min(0, "Must be zero or more");

export const SkuSchema = singleLineText()
  .trim()
  .min(1, "Enter a SKU")
  .max(64, "Use at most 64 characters")
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._/-]*$/,
    "Use letters, digits and . _ / - (starting with a letter or digit)",
  );

export const OptionNameSchema = singleLineText().trim().min(1, "Name the option").max(40);
export const OptionValueSchema = singleLineText().trim().min(1, "Enter a value").max(60);

export const OptionInput = z.object({
  name: OptionNameSchema,
  values: z.array(OptionValueSchema).min(1, "Give the option at least one value").max(MAX_VARIANTS),
});
export type OptionData = z.infer<typeof OptionInput>;

/** A variant's editable fields, without defaults (a patch must not reset what it does not name). */
export const variantFields = {
  sku: SkuSchema,
  options: z.record(OptionNameSchema, OptionValueSchema),
  priceCents: cents.max(MAX_VARIANT_PRICE_CENTS, "That price is too high"),
  compareAtPriceCents: cents.min(1, "Must be more than zero").max(MAX_VARIANT_PRICE_CENTS).nullable(),
  barcode: singleLineText().trim().min(1).max(64).nullable(),
  weightGrams: z.number().int("Use whole grams").min(0).max(1_000_000).nullable(),
  active: z.boolean(),
};

export const VariantInput = z.object({
  ...variantFields,
  /** Defaults to one made from the product's slug and the variant's values. */
  sku: variantFields.sku.optional(),
  options: variantFields.options.default({}),
  compareAtPriceCents: variantFields.compareAtPriceCents.optional(),
  barcode: variantFields.barcode.optional(),
  weightGrams: variantFields.weightGrams.optional(),
  active: variantFields.active.default(true),
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000).default(0),
});
export type VariantData = z.infer<typeof VariantInput>;

/** A product's options and variants, checked as a whole (see variantProblems). */
export const ProductVariantsInput = z
  .object({
    options: z.array(OptionInput).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`).default([]),
    variants: z
      .array(VariantInput)
      .min(1, "Add at least one variant")
      .max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants`),
  })
  .superRefine((input, ctx) => {
    for (const problem of variantProblems(input.options, input.variants))
      ctx.addIssue({ code: "custom", ...problem });
  });

export const VariantIdSchema = z.uuid({ message: "Not a variant id" });

/** Add one variant to a product: its values must be one of each of the product's options. */
export const AddVariantInput = z.object({
  productId: z.uuid({ message: "Not a product id" }),
  variant: VariantInput,
});

/** Whether a patch changes anything (a field given as undefined changes nothing). */
export const changesAField = (patch: object) => Object.values(patch).some((value) => value !== undefined);
export const CHANGE_A_FIELD = "Change at least one field";

export const UpdateVariantInput = z.object({
  id: VariantIdSchema,
  patch: z.object(variantFields).partial().refine(changesAField, CHANGE_A_FIELD),
});
export type VariantPatch = z.infer<typeof UpdateVariantInput>["patch"];

/**
 * Many variants of one product changed at once, all or nothing (each element is an updateVariant's
 * input): SKUs and combinations may be swapped or cycled among them, since only the result must be
 * unique.
 */
export const UpdateVariantsInput = z.object({
  productId: z.uuid({ message: "Not a product id" }),
  variants: variantBatch(UpdateVariantInput),
});

/** 1 to MAX_VARIANTS changes of variants, each variant once (REST's batch uses it with its own element). */
export function variantBatch<Change extends z.ZodType<{ id: string }>>(change: Change) {
  return z
    .array(change)
    .min(1, "Change at least one variant")
    .max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants`)
    .superRefine((variants, ctx) => {
      const seen = new Set<string>();
      variants.forEach((variant, index) => {
        if (seen.has(variant.id))
          ctx.addIssue({ code: "custom", path: [index, "id"], message: "This variant is listed twice" });
        seen.add(variant.id);
      });
    });
}

/** The product's variants in their new order (every variant id once). */
export const ReorderVariantsInput = z.object({
  productId: z.uuid({ message: "Not a product id" }),
  variantIds: z.array(VariantIdSchema).min(1).max(MAX_VARIANTS),
});

export const VariantSkuInput = z.object({ sku: singleLineText().trim().min(1).max(64) });

/**
 * A line of a cart or order: a variant, or (for products with one active variant) a product, as
 * before variants existed. A product with several is refused with its variants to choose from.
 */
export const VariantRefFields = {
  variantId: VariantIdSchema.optional(),
  productId: z.uuid({ message: "Not a product id" }).optional(),
};
export const hasVariantRef = (ref: { variantId?: string; productId?: string }) =>
  ref.variantId !== undefined || ref.productId !== undefined;
export const VARIANT_REF_REQUIRED = {
  message: "Give a variantId (or the productId of a single-variant product)",
  path: ["variantId"],
};

/**
 * A product's options as they should be from now on. Existing variants keep their values; an option
 * added gets its first value on them; `generate` adds every missing combination (stock 0, the
 * product's lowest price, a SKU from the slug). A value or option that a variant uses cannot go.
 */
export const SetOptionsInput = z.object({
  productId: z.uuid({ message: "Not a product id" }),
  options: z.array(OptionInput).max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options`),
  generate: z.boolean().default(true),
});
