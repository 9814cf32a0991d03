import { z } from "zod";
import {
  DEFAULT_CURRENCY,
  fitsMinorUnits,
  isCurrencyCode,
  minorUnitsOf,
  toMinorUnits,
} from "../domain/money.ts";
import {
  type CreatePromotion,
  CreatePromotionFields,
  PromotionCodeLookup,
  PromotionListInput,
  type PromotionProblem,
  type PromotionType,
  PromotionTypeSchema,
  promotionFields,
  promotionTermsProblems,
  type UpdatePromotion,
} from "../schemas/promotion.ts";

// REST shapes of discount codes, derived from schemas/promotion.ts: a percentage `value` in percent
// (12.5 for 125_000 ppm), a fixed `value` and `minimumSubtotal` in decimal major units of the code's
// currency (10.00 for 1000 cents), dates as ISO 8601 text; the handlers convert to ppm and cents.

export const PPM_PER_PERCENT = 10_000;
const PERCENT_DECIMALS = 4;
const DECIMAL_WORDS = ["no", "one", "two", "three", "four"];
const EXACT_TOLERANCE = 1e-6;

const restValue = z.number().meta({
  description:
    "percentage: percent off, more than 0 and at most 100, up to four decimals (12.5); fixed: amount off in major units of `currency` (10.00); free_shipping: none",
  example: 12.5,
});
const restMoney = z
  .number()
  .min(0, "Must be zero or more")
  .meta({ description: "Decimal amount in major units of the code's `currency`, e.g. 50.00", example: 50 });
const isoDate = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 date and time, e.g. 2026-12-01T00:00:00Z" })
  .meta({ example: "2026-12-01T00:00:00Z" });

/** A percent (12.5) as ppm (125_000), or undefined when it has more than four decimals. */
function percentToPpm(percent: number): number | undefined {
  const ppm = percent * PPM_PER_PERCENT;
  return Math.abs(ppm - Math.round(ppm)) <= EXACT_TOLERANCE ? Math.round(ppm) : undefined;
}

function decimalsMessage(digits: number, currency: string): string {
  return digits === 0
    ? `Use a whole amount for ${currency}`
    : `Use at most ${DECIMAL_WORDS[digits] ?? digits} decimal${digits === 1 ? "" : "s"}`;
}

/** What REST's units give in the API's: a value and a minimum, or the problems that stop the conversion. */
export interface RestPromotionAmounts {
  value?: number | null | undefined;
  minimumSubtotalCents?: number | null | undefined;
  problems: PromotionProblem[];
}

/**
 * REST's `value` and `minimumSubtotal` in ppm and cents for a code of `type` in `currency`, under the
 * shared fields' bounds and messages. Undefined stays undefined (a patch leaves it), null stays null.
 */
export function restPromotionAmounts(
  input: { value?: unknown; minimumSubtotal?: unknown },
  type: PromotionType,
  currencyInput: unknown,
): RestPromotionAmounts {
  const currency =
    typeof currencyInput === "string" && isCurrencyCode(currencyInput) ? currencyInput : DEFAULT_CURRENCY;
  const problems: PromotionProblem[] = [];
  const fieldRule = (rule: z.ZodType, value: number, path: string) => {
    for (const issue of rule.safeParse(value).error?.issues ?? [])
      problems.push({ path, message: issue.message });
  };
  let value: number | null | undefined;
  if (typeof input.value === "number") {
    if (type === "percentage") {
      value = percentToPpm(input.value);
      if (value === undefined)
        problems.push({ path: "value", message: `Use at most ${DECIMAL_WORDS[PERCENT_DECIMALS]} decimals` });
    } else if (type === "fixed") {
      if (fitsMinorUnits(input.value, currency)) value = toMinorUnits(input.value, currency);
      else problems.push({ path: "value", message: decimalsMessage(minorUnitsOf(currency), currency) });
    } else value = input.value; // refused below: a free-shipping code takes no value
    if (typeof value === "number" && type !== "free_shipping")
      fieldRule(promotionFields.value, value, "value");
  } else if (input.value === null) value = null;
  let minimumSubtotalCents: number | null | undefined;
  if (typeof input.minimumSubtotal === "number") {
    if (fitsMinorUnits(input.minimumSubtotal, currency)) {
      minimumSubtotalCents = toMinorUnits(input.minimumSubtotal, currency);
      fieldRule(promotionFields.minimumSubtotalCents, minimumSubtotalCents, "minimumSubtotal");
    } else
      problems.push({ path: "minimumSubtotal", message: decimalsMessage(minorUnitsOf(currency), currency) });
  } else if (input.minimumSubtotal === null) minimumSubtotalCents = null;
  return { value, minimumSubtotalCents, problems };
}

/** A patch's amounts under restPromotionAmounts, as a schema: a refusal is zod's 400 naming each field. */
export function restPromotionAmountsOf(type: PromotionType, currency: string) {
  return z
    .object({ value: z.unknown().optional(), minimumSubtotal: z.unknown().optional() })
    .superRefine((input, ctx) => addProblems(restPromotionAmounts(input, type, currency).problems, ctx));
}

const dateOf = (text: string | null | undefined) =>
  text === undefined ? undefined : text === null ? null : new Date(text);

function addProblems(problems: PromotionProblem[], ctx: z.RefinementCtx) {
  for (const { path, message } of problems) ctx.addIssue({ code: "custom", path: [path], message });
}

const restAmountFields = {
  value: restValue.optional(),
  minimumSubtotal: restMoney.optional().meta({
    description:
      "The subtotal of the lines the code applies to must reach this, in major units of `currency`",
  }),
  startsAt: isoDate.optional().meta({ description: "First moment the code works (inclusive)" }),
  endsAt: isoDate.optional().meta({ description: "First moment the code no longer works (exclusive)" }),
};

/** tRPC's promotion.create in REST's units (see top). */
export const RestCreatePromotionInput = CreatePromotionFields.omit({
  value: true,
  minimumSubtotalCents: true,
  startsAt: true,
  endsAt: true,
})
  .extend(restAmountFields)
  .superRefine(
    (input, ctx) => {
      const amounts = restPromotionAmounts(input, input.type, input.currency);
      addProblems(amounts.problems, ctx);
      if (amounts.problems.some((problem) => problem.path === "value")) return;
      addProblems(
        promotionTermsProblems({
          type: input.type,
          value: amounts.value,
          startsAt: dateOf(input.startsAt),
          endsAt: dateOf(input.endsAt),
        }),
        ctx,
      );
    },
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        PromotionTypeSchema.safeParse((payload.value as { type?: unknown }).type).success,
    },
  );

/** A checked REST body as the service's input. */
export function toCreatePromotion(input: z.infer<typeof RestCreatePromotionInput>): CreatePromotion {
  const { value: _value, minimumSubtotal: _minimum, startsAt, endsAt, ...fields } = input;
  const amounts = restPromotionAmounts(input, input.type, input.currency);
  return {
    ...fields,
    value: amounts.value ?? undefined,
    minimumSubtotalCents: amounts.minimumSubtotalCents ?? undefined,
    startsAt: dateOf(startsAt) ?? undefined,
    endsAt: dateOf(endsAt) ?? undefined,
  };
}

const pathCode = PromotionCodeLookup.meta({ description: "The code, in any case" });

/**
 * tRPC's promotion.update with the code in the path and REST's units; `value` and `minimumSubtotal`
 * are read in the code's type and currency as patched (known once the code is read: restPromotionAmounts).
 */
export const RestUpdatePromotionInput = z
  .object({
    code: pathCode,
    description: promotionFields.description.optional(),
    type: promotionFields.type.optional(),
    value: restValue.nullable().optional(),
    currency: promotionFields.currency.optional(),
    minimumSubtotal: restMoney.nullable().optional(),
    startsAt: isoDate.nullable().optional(),
    endsAt: isoDate.nullable().optional(),
    usageLimit: promotionFields.usageLimit.nullable().optional(),
    perCustomerLimit: promotionFields.perCustomerLimit.nullable().optional(),
    appliesTo: promotionFields.appliesTo.optional(),
    active: promotionFields.active.optional().meta({ description: "false deactivates the code" }),
  })
  .refine(
    ({ code: _code, ...patch }) => Object.values(patch).some((value) => value !== undefined),
    "Change at least one field",
  );

/** A checked REST patch as the service's, with the amounts already converted. */
export function toUpdatePromotion(
  input: z.infer<typeof RestUpdatePromotionInput>,
  amounts: RestPromotionAmounts,
): UpdatePromotion {
  const { value: _value, minimumSubtotal: _minimum, startsAt, endsAt, ...fields } = input;
  return {
    ...fields,
    value: amounts.value,
    minimumSubtotalCents: amounts.minimumSubtotalCents,
    startsAt: dateOf(startsAt),
    endsAt: dateOf(endsAt),
  };
}

export const RestPromotionCodeInput = z.object({ code: pathCode });

const limit = PromotionListInput.shape.limit.unwrap();
export const RestPromotionListInput = PromotionListInput.extend({
  // Query strings are text: a copy with coerce set, the shared schema itself unchanged (uncoerced.ts).
  limit: limit.clone({ ...limit._zod.def, coerce: true }).default(20),
  active: z
    .enum(["true", "false"], { message: 'Use "true" or "false"' })
    .optional()
    .meta({ description: "true: only active codes; false: only deactivated ones" }),
});

const amount = z.number().min(0).meta({ description: "Decimal amount in major units", example: 45.5 });

export const RestPromotion = z.object({
  id: z.string(),
  code: z.string().meta({ example: "SUMMER-15" }),
  description: z.string(),
  type: PromotionTypeSchema,
  value: z.number().nullable().meta({
    description:
      "percentage: percent off (12.5); fixed: amount off in major units of `currency`; free_shipping: null",
  }),
  currency: z.string(),
  minimumSubtotal: amount.nullable(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  usageLimit: z.number().int().nullable(),
  perCustomerLimit: z.number().int().nullable(),
  timesUsed: z.number().int().meta({
    description: "Orders that used the code, cancelled ones too (a cancellation gives no use back)",
  }),
  active: z.boolean(),
  appliesTo: z.object({ productIds: z.array(z.string()), categoryIds: z.array(z.string()) }).meta({
    description: "Both empty: the whole order; else the lines of these products or categories",
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const RestPromotionDetail = RestPromotion.extend({
  usage: z
    .object({
      timesUsed: z.number().int(),
      orders: z.number().int().meta({ description: "Orders that used it and were not cancelled" }),
      cancelledOrders: z.number().int(),
      revenue: amount.meta({ description: "Totals of those orders (after the discount), in major units" }),
      discount: amount.meta({ description: "What the code took off those orders, in major units" }),
    })
    .meta({ description: "Over the orders that used the code; cancelled orders count in timesUsed only" }),
});

export const RestPromotionPage = z.object({
  promotions: z.array(RestPromotion),
  nextCursor: z.string().nullable(),
});
