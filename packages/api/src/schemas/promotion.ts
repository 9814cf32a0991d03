import { z } from "zod";
import { DEFAULT_CURRENCY } from "../domain/money.ts";
import { dateFilter, INT4_MAX, pageCursor, singleLineText, text } from "./text.ts";

// Discount codes as staff create and edit them (pure zod: the admin's forms use these too).
// Units are the API's internal ones: a percentage `value` is parts per million of what it applies to
// (1% = 10_000, 12.5% = 125_000, 100% = 1_000_000), a fixed `value` and `minimumSubtotalCents` are
// minor units (cents) of `currency`. REST speaks percent (12.5) and major units (rest/promotion-schemas.ts).

export const PROMOTION_TYPES = ["percentage", "fixed", "free_shipping"] as const;
export const PromotionTypeSchema = z.enum(PROMOTION_TYPES);
export type PromotionType = z.infer<typeof PromotionTypeSchema>;

/** 100% in parts per million: the largest percentage a code may take off. */
export const MAX_PERCENT_PPM = 1_000_000;
export const MIN_CODE_LENGTH = 3;
export const MAX_CODE_LENGTH = 40;

/** A new code: 3–40 letters, digits, "-" or "_", trimmed and stored upper-case ("summer-10" is SUMMER-10). */
export const PromotionCodeSchema = singleLineText()
  .trim()
  .min(MIN_CODE_LENGTH, `Use at least ${MIN_CODE_LENGTH} characters`)
  .max(MAX_CODE_LENGTH, `Use at most ${MAX_CODE_LENGTH} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, - and _")
  .toUpperCase();

/**
 * A code someone typed to look one up (a shopper's discount field, a staff URL): trimmed and
 * upper-cased like stored codes, but not held to the creation rules, since a code that could never
 * have been created is simply not found.
 */
export const PromotionCodeLookup = singleLineText()
  .trim()
  .min(1, "Enter a code")
  .max(100, "Use at most 100 characters")
  .toUpperCase();
export const PromotionCodeInput = z.object({ code: PromotionCodeLookup });

const count = (what: string) =>
  z
    .number()
    .int(`Use a whole number of ${what}`)
    .min(1, `Allow at least 1 ${what.replace(/s$/, "")}, or leave it empty for no limit`)
    .max(INT4_MAX, "That number is too large");

const ids = (what: string) =>
  z.array(z.uuid({ message: `Not a ${what} id` })).max(100, `Choose at most 100 ${what}s`);

/** Where a code applies: lines of these products or categories; both empty or absent: the whole order. */
export const PromotionScopeInput = z.object({
  categoryIds: ids("category").optional(),
  productIds: ids("product").optional(),
});

/** Fields of a code without defaults or cross-field rules: a patch must never reset what it does not mention. */
export const promotionFields = {
  code: PromotionCodeSchema,
  description: text().trim().max(500, "Use at most 500 characters"),
  type: PromotionTypeSchema,
  /** percentage: ppm (1 to 1_000_000); fixed: minor units of `currency`; free_shipping: none. */
  value: z
    .number()
    .int("Use a whole number")
    .min(1, "Must be more than zero")
    .max(INT4_MAX, "That value is too large"),
  /** Of the promotion's amounts (a fixed value, the minimum subtotal); orders in another currency are not eligible. */
  currency: singleLineText().regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD"),
  /** Compared with the subtotal of the lines the code applies to, before any discount. */
  minimumSubtotalCents: z
    .number()
    .int("Use whole cents")
    .min(0, "Must be zero or more")
    .max(INT4_MAX, "That amount is too large"),
  /** First moment the code works (inclusive). */
  startsAt: dateFilter(),
  /** First moment the code no longer works (exclusive). */
  endsAt: dateFilter(),
  /** Orders that may use the code in total. */
  usageLimit: count("uses"),
  /** Orders of one customer (or, for a guest, one e-mail) that may use the code. */
  perCustomerLimit: count("uses"),
  appliesTo: PromotionScopeInput,
  active: z.boolean(),
};

/** A refused field: its path and what is wrong with it (as zod reports it). */
export interface PromotionProblem {
  path: string;
  message: string;
}

/** The fields whose rules depend on each other, as they stand after a create or a patch. */
export interface PromotionTermsDraft {
  type: PromotionType;
  value?: number | null | undefined;
  startsAt?: Date | null | undefined;
  endsAt?: Date | null | undefined;
}

/**
 * The rules across fields: a percentage needs a value from 1 ppm to 100%, a fixed amount a value of
 * at least one minor unit, free shipping none; the end comes after the start. One home for both the
 * create schema and the service's check of a patched code (whose other fields are stored).
 */
export function promotionTermsProblems(terms: PromotionTermsDraft): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  // Fields that failed their own checks are left to those (the create schema runs this regardless).
  const value = typeof terms.value === "number" ? terms.value : (terms.value ?? null);
  if (terms.type === "percentage") {
    if (value === null) problems.push({ path: "value", message: "Enter the percentage off" });
    else if (typeof value === "number" && (value < 1 || value > MAX_PERCENT_PPM))
      problems.push({ path: "value", message: "A percentage must be more than 0% and at most 100%" });
  } else if (terms.type === "fixed") {
    if (value === null) problems.push({ path: "value", message: "Enter the amount off" });
    else if (typeof value === "number" && value < 1)
      problems.push({ path: "value", message: "The amount off must be more than zero" });
  } else if (value !== null) {
    problems.push({ path: "value", message: "A free-shipping code takes no value" });
  }
  const { startsAt, endsAt } = terms;
  if (startsAt instanceof Date && endsAt instanceof Date && endsAt.getTime() <= startsAt.getTime())
    problems.push({ path: "endsAt", message: "The end must be after the start" });
  return problems;
}

/** Whether the cross-field rules can run: an object whose type parsed (else the type's own issue says it). */
function isObjectWithType(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  return PromotionTypeSchema.safeParse((value as { type?: unknown }).type).success;
}

function addProblems(problems: PromotionProblem[], ctx: z.RefinementCtx) {
  for (const { path, message } of problems) ctx.addIssue({ code: "custom", path: [path], message });
}

/** The fields of promotion.create before its cross-field rules (REST derives its body from these). */
export const CreatePromotionFields = z.object({
  code: promotionFields.code,
  description: promotionFields.description.optional(),
  type: promotionFields.type,
  value: promotionFields.value.optional(),
  currency: promotionFields.currency.default(DEFAULT_CURRENCY),
  minimumSubtotalCents: promotionFields.minimumSubtotalCents.optional(),
  startsAt: promotionFields.startsAt.optional(),
  endsAt: promotionFields.endsAt.optional(),
  usageLimit: promotionFields.usageLimit.optional(),
  perCustomerLimit: promotionFields.perCustomerLimit.optional(),
  appliesTo: promotionFields.appliesTo.optional(),
});

export const CreatePromotionInput = CreatePromotionFields.superRefine(
  (input, ctx) => addProblems(promotionTermsProblems(input), ctx),
  { when: (payload) => isObjectWithType(payload.value) },
);
export type CreatePromotion = z.infer<typeof CreatePromotionInput>;

/**
 * A change to a code, found by `code`: any field but the code itself; null clears an optional
 * condition, `active: false` deactivates. The rules across fields are checked against the stored
 * code once merged (services/promotions.ts), since a patch may name only one side of a rule.
 */
export const UpdatePromotionInput = z
  .object({
    code: PromotionCodeLookup,
    description: promotionFields.description.optional(),
    type: promotionFields.type.optional(),
    value: promotionFields.value.nullable().optional(),
    currency: promotionFields.currency.optional(),
    minimumSubtotalCents: promotionFields.minimumSubtotalCents.nullable().optional(),
    startsAt: promotionFields.startsAt.nullable().optional(),
    endsAt: promotionFields.endsAt.nullable().optional(),
    usageLimit: promotionFields.usageLimit.nullable().optional(),
    perCustomerLimit: promotionFields.perCustomerLimit.nullable().optional(),
    appliesTo: promotionFields.appliesTo.optional(),
    active: promotionFields.active.optional(),
  })
  .refine(
    ({ code: _code, ...patch }) => Object.values(patch).some((value) => value !== undefined),
    "Change at least one field",
  );
export type UpdatePromotion = z.infer<typeof UpdatePromotionInput>;

export const PromotionListInput = z.object({
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(25),
  /** Only active (true) or only deactivated (false) codes; absent: both. */
  active: z.boolean().optional(),
  /** Part of the code or the description. */
  q: singleLineText().trim().max(200).optional(),
});
export type PromotionListFilter = z.infer<typeof PromotionListInput>;
