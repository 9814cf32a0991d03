import {
  type CreatePromotion,
  CreatePromotionInput,
  DEFAULT_CURRENCY,
  decimalTextToMinorUnits,
  formatMoney,
  PROMOTION_TYPES,
  type RouterOutputs,
  toDecimalText,
  type UpdatePromotion,
} from "@stockroom/api/schemas";
import { z } from "zod";
import type { ApiFailure } from "./api-error";

type Promotion = RouterOutputs["promotion"]["byCode"];
type ListedPromotion = RouterOutputs["promotion"]["list"]["promotions"][number];

/** What the promotion form holds: text as typed; a percentage in percent, amounts in major units, times in the shop's zone. */
export const PromotionFormFields = z.object({
  code: z.string(),
  description: z.string(),
  type: z.enum(PROMOTION_TYPES),
  value: z.string(),
  minimumSubtotal: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  usageLimit: z.string(),
  perCustomerLimit: z.string(),
});
export type PromotionFormValues = z.infer<typeof PromotionFormFields>;
export type PromotionFormField = keyof PromotionFormValues;

/** ppm per percent: 1% is 10_000 parts per million, so a percentage takes at most 4 decimals. */
const PPM_PER_PERCENT = 10_000;

/** "12.5" (percent) to parts per million (125_000) by digits; undefined when it is not such a number. */
export function percentTextToPpm(text: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = "0", fraction = ""] = match;
  return Number(whole + fraction.padEnd(4, "0"));
}

/** Parts per million as the percent staff type: 125_000 -> "12.5", 100_000 -> "10". */
export function ppmToPercentText(ppm: number): string {
  const whole = Math.trunc(ppm / PPM_PER_PERCENT);
  const fraction = String(ppm % PPM_PER_PERCENT)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (instant - (instant % 1000));
}

/**
 * A datetime-local value ("2026-12-01T09:30") read as wall time in the shop's zone, so the browser's
 * own zone never decides when a code starts; undefined when it is not such a value.
 */
export function wallTimeToInstant(text: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? "0"));
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (Number.isNaN(wall)) return undefined;
  // Twice: the offset at the first guess may differ from the one at the answer across a DST change.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** An instant as a datetime-local value in the shop's zone ("2026-12-01T09:30"). */
export function instantToWallTime(date: Date, timeZone: string): string {
  const wall = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone));
  return wall.toISOString().slice(0, 16);
}

export function promotionFormDefaults(
  promotion: Promotion | undefined,
  timeZone: string,
): PromotionFormValues {
  const currency = promotion?.currency ?? DEFAULT_CURRENCY;
  const value =
    promotion?.value == null
      ? ""
      : promotion.type === "percentage"
        ? ppmToPercentText(promotion.value)
        : toDecimalText(promotion.value, currency);
  return {
    code: promotion?.code ?? "",
    description: promotion?.description ?? "",
    type: promotion?.type ?? "percentage",
    value,
    minimumSubtotal:
      promotion?.minimumSubtotalCents == null ? "" : toDecimalText(promotion.minimumSubtotalCents, currency),
    startsAt: promotion?.startsAt ? instantToWallTime(promotion.startsAt, timeZone) : "",
    endsAt: promotion?.endsAt ? instantToWallTime(promotion.endsAt, timeZone) : "",
    usageLimit: promotion?.usageLimit == null ? "" : String(promotion.usageLimit),
    perCustomerLimit: promotion?.perCustomerLimit == null ? "" : String(promotion.perCustomerLimit),
  };
}

/** The API's field names, as the form names them. */
const FORM_FIELD_OF: Record<string, PromotionFormField> = {
  code: "code",
  description: "description",
  type: "type",
  value: "value",
  minimumSubtotalCents: "minimumSubtotal",
  startsAt: "startsAt",
  endsAt: "endsAt",
  usageLimit: "usageLimit",
  perCustomerLimit: "perCustomerLimit",
};

/** The form field an API field (or a dotted path such as "patch.value") belongs to, if any. */
export function formFieldOf(apiPath: string | readonly (string | number)[]): PromotionFormField | undefined {
  const parts = typeof apiPath === "string" ? apiPath.split(".") : apiPath.map(String);
  for (const part of parts) if (FORM_FIELD_OF[part]) return FORM_FIELD_OF[part];
  return undefined;
}

const empty = (text: string) => text.trim() === "";

/**
 * The form's values turned into the API's units and checked by the API's own CreatePromotionInput,
 * so the browser refuses what the server would, with its messages, on the fields as the form names
 * them (a percentage typed "12.5" is 125_000 ppm; "10.00" dollars 1000 cents; times in `timeZone`).
 */
export function promotionFormSchema(timeZone: string, currency: string = DEFAULT_CURRENCY) {
  return PromotionFormFields.transform((values, ctx): CreatePromotion => {
    const refused = new Set<PromotionFormField>();
    const refuse = (path: PromotionFormField, message: string) => {
      refused.add(path);
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    const input: Record<string, unknown> = {
      code: values.code,
      description: values.description.trim(),
      type: values.type,
      currency,
    };
    if (values.type !== "free_shipping" && !empty(values.value)) {
      const value =
        values.type === "percentage"
          ? percentTextToPpm(values.value)
          : decimalTextToMinorUnits(values.value.trim(), currency);
      if (value === undefined) {
        refuse(
          "value",
          values.type === "percentage"
            ? "Enter a percentage such as 12.5 (at most 4 decimals)"
            : `Enter an amount such as 10.00`,
        );
      } else input.value = value;
    }
    if (!empty(values.minimumSubtotal)) {
      const cents = decimalTextToMinorUnits(values.minimumSubtotal.trim(), currency);
      if (cents === undefined) {
        refuse("minimumSubtotal", "Enter an amount such as 50.00");
      } else input.minimumSubtotalCents = cents;
    }
    for (const field of ["startsAt", "endsAt"] as const) {
      if (empty(values[field])) continue;
      const instant = wallTimeToInstant(values[field], timeZone);
      if (!instant) {
        refuse(field, "Enter a date and time");
      } else input[field] = instant;
    }
    for (const field of ["usageLimit", "perCustomerLimit"] as const) {
      if (empty(values[field])) continue;
      if (!/^\d+$/.test(values[field].trim())) {
        refuse(field, "Use a whole number of uses");
      } else input[field] = Number(values[field].trim());
    }
    const parsed = CreatePromotionInput.safeParse(input);
    if (parsed.success && refused.size === 0) return parsed.data;
    const typedProblems = new Set(refused);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = formFieldOf(issue.path as (string | number)[]);
        // A field already refused as typed keeps that message.
        if (field && typedProblems.has(field)) continue;
        if (field) refuse(field, issue.message);
        else ctx.addIssue({ code: "custom", path: [], message: issue.message });
      }
    return z.NEVER;
  });
}

/**
 * The edit of a stored code as a patch: every field the form shows is sent, an empty one as null
 * (its condition removed); free shipping clears the value. The code itself never changes.
 */
export function promotionPatchOf(code: string, data: CreatePromotion): UpdatePromotion {
  return {
    code,
    description: data.description ?? "",
    type: data.type,
    value: data.type === "free_shipping" ? null : (data.value ?? null),
    minimumSubtotalCents: data.minimumSubtotalCents ?? null,
    startsAt: data.startsAt ?? null,
    endsAt: data.endsAt ?? null,
    usageLimit: data.usageLimit ?? null,
    perCustomerLimit: data.perCustomerLimit ?? null,
  };
}

/**
 * What the API refused, on the form's fields: zod's issues, a domain error's problems, a taken code
 * (409 naming it) on the code, a usage limit below the uses so far (409) on the usage limit.
 */
export function promotionFieldErrors(failure: ApiFailure): { field: PromotionFormField; message: string }[] {
  const errors: { field: PromotionFormField; message: string }[] = [];
  for (const issue of failure.issues) {
    const field = formFieldOf(issue.path);
    if (field) errors.push({ field, message: issue.message });
  }
  const problems = failure.details?.problems;
  if (Array.isArray(problems))
    for (const problem of problems as { path: string | (string | number)[]; message: string }[]) {
      const field = formFieldOf(problem.path);
      if (field) errors.push({ field, message: problem.message });
    }
  if (failure.status === 409 && failure.details) {
    const field = "timesUsed" in failure.details ? "usageLimit" : "code" in failure.details ? "code" : null;
    if (field) errors.push({ field, message: failure.message });
  }
  return errors;
}

export type PromotionStatus = "active" | "scheduled" | "expired" | "inactive";

/** Whether a code works now: deactivated by staff, not yet started, past its end, or active. */
export function promotionStatus(
  promotion: Pick<ListedPromotion, "active" | "startsAt" | "endsAt">,
  now: Date,
): PromotionStatus {
  if (!promotion.active) return "inactive";
  if (promotion.startsAt && promotion.startsAt.getTime() > now.getTime()) return "scheduled";
  if (promotion.endsAt && promotion.endsAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** "10% off", "$5.00 off", "Free shipping". */
export function promotionValueText(promotion: Pick<ListedPromotion, "type" | "value" | "currency">): string {
  if (promotion.type === "free_shipping") return "Free shipping";
  if (promotion.value === null) return promotion.type === "percentage" ? "Percentage" : "Fixed amount";
  return promotion.type === "percentage"
    ? `${ppmToPercentText(promotion.value)}% off`
    : `${formatMoney(promotion.value, promotion.currency)} off`;
}

/** Uses so far against the limit: "3 / 10", or "3 / no limit". */
export function promotionUsesText(promotion: Pick<ListedPromotion, "timesUsed" | "usageLimit">): string {
  return `${promotion.timesUsed} / ${promotion.usageLimit ?? "no limit"}`;
}
