import { describe, expect, it } from "vitest";
import {
  formFieldOf,
  instantToWallTime,
  type PromotionFormValues,
  percentTextToPpm,
  ppmToPercentText,
  promotionFieldErrors,
  promotionFormDefaults,
  promotionFormSchema,
  promotionPatchOf,
  promotionStatus,
  promotionUsesText,
  promotionValueText,
  wallTimeToInstant,
} from "./promotion-form";

const schema = promotionFormSchema("UTC");
const filled: PromotionFormValues = {
  ...promotionFormDefaults(undefined, "UTC"),
  code: "summer-10",
  value: "10",
};

function fieldErrors(values: PromotionFormValues, timeZone = "UTC") {
  const result = promotionFormSchema(timeZone).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("percent and parts per million", () => {
  it("reads typed percentages by digits, never through floating point", () => {
    expect(percentTextToPpm("12.5")).toBe(125_000);
    expect(percentTextToPpm("10")).toBe(100_000);
    expect(percentTextToPpm("0.0001")).toBe(1);
    expect(percentTextToPpm("33.3333")).toBe(333_333);
    expect(percentTextToPpm("1.00001")).toBeUndefined();
    expect(percentTextToPpm("-5")).toBeUndefined();
    expect(percentTextToPpm("ten")).toBeUndefined();
  });

  it("shows ppm as the percent staff typed", () => {
    expect(ppmToPercentText(125_000)).toBe("12.5");
    expect(ppmToPercentText(100_000)).toBe("10");
    expect(ppmToPercentText(1)).toBe("0.0001");
    expect(ppmToPercentText(1_000_000)).toBe("100");
  });
});

describe("wall times in the shop's zone", () => {
  it("reads a datetime-local value in the given zone, across daylight saving", () => {
    expect(wallTimeToInstant("2026-12-01T09:30", "UTC")?.toISOString()).toBe("2026-12-01T09:30:00.000Z");
    expect(wallTimeToInstant("2026-12-01T09:30", "America/New_York")?.toISOString()).toBe(
      "2026-12-01T14:30:00.000Z",
    );
    expect(wallTimeToInstant("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T13:30:00.000Z",
    );
    expect(wallTimeToInstant("2026-07-01T09:30", "Europe/Berlin")?.toISOString()).toBe(
      "2026-07-01T07:30:00.000Z",
    );
    expect(wallTimeToInstant("tomorrow", "UTC")).toBeUndefined();
  });

  it("shows an instant as the wall time it reads back as", () => {
    const instant = new Date("2026-07-01T13:30:00.000Z");
    expect(instantToWallTime(instant, "America/New_York")).toBe("2026-07-01T09:30");
    expect(wallTimeToInstant(instantToWallTime(instant, "Asia/Kolkata"), "Asia/Kolkata")).toEqual(instant);
  });
});

describe("the promotion form's schema (the API's CreatePromotionInput over what was typed)", () => {
  it("turns a typed percentage into ppm and empty conditions into none", () => {
    expect(schema.parse({ ...filled, value: "12.5", usageLimit: "10" })).toMatchObject({
      code: "SUMMER-10",
      type: "percentage",
      value: 125_000,
      currency: "USD",
      usageLimit: 10,
    });
    const parsed = schema.parse(filled);
    expect(parsed.minimumSubtotalCents).toBeUndefined();
    expect(parsed.startsAt).toBeUndefined();
  });

  it("turns amounts in dollars into cents and times into instants of the shop's zone", () => {
    const parsed = promotionFormSchema("America/New_York").parse({
      ...filled,
      type: "fixed",
      value: "10.00",
      minimumSubtotal: "50",
      startsAt: "2026-12-01T00:00",
      endsAt: "2027-01-01T00:00",
      perCustomerLimit: "1",
    });
    expect(parsed).toMatchObject({
      type: "fixed",
      value: 1000,
      minimumSubtotalCents: 5000,
      perCustomerLimit: 1,
    });
    expect(parsed.startsAt?.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });

  it("ignores a value left in the box of a free-shipping code", () => {
    expect(schema.parse({ ...filled, type: "free_shipping", value: "10" }).value).toBeUndefined();
  });

  it("refuses with the API's messages, on the fields as the form names them", () => {
    expect(fieldErrors({ ...filled, code: "x", value: "" })).toEqual({
      code: "Use at least 3 characters",
      value: "Enter the percentage off",
    });
    expect(fieldErrors({ ...filled, value: "150" })).toEqual({
      value: "A percentage must be more than 0% and at most 100%",
    });
    expect(fieldErrors({ ...filled, usageLimit: "0" })).toEqual({
      usageLimit: "Allow at least 1 use, or leave it empty for no limit",
    });
    expect(fieldErrors({ ...filled, startsAt: "2026-12-02T00:00", endsAt: "2026-12-01T00:00" })).toEqual({
      endsAt: "The end must be after the start",
    });
  });

  it("refuses what cannot be read, once per field", () => {
    expect(
      fieldErrors({ ...filled, value: "ten", minimumSubtotal: "5.555", usageLimit: "2.5", startsAt: "soon" }),
    ).toEqual({
      value: "Enter a percentage such as 12.5 (at most 4 decimals)",
      minimumSubtotal: "Enter an amount such as 50.00",
      usageLimit: "Use a whole number of uses",
      startsAt: "Enter a date and time",
    });
  });
});

const stored = {
  id: "00000000-0000-4000-8000-000000000001",
  code: "SUMMER-10",
  description: "Summer sale",
  type: "percentage" as const,
  value: 125_000,
  currency: "USD",
  minimumSubtotalCents: 5000,
  startsAt: new Date("2026-06-01T00:00:00Z"),
  endsAt: null,
  usageLimit: 10,
  perCustomerLimit: null,
  timesUsed: 3,
  active: true,
  appliesTo: { productIds: [], categoryIds: [] },
  createdAt: new Date("2026-05-01T00:00:00Z"),
  updatedAt: new Date("2026-05-01T00:00:00Z"),
  usage: { timesUsed: 3, orders: 3, cancelledOrders: 0, revenueCents: 9000, discountCents: 1000 },
};

describe("editing a stored code", () => {
  it("fills the form in the units staff type", () => {
    expect(promotionFormDefaults(stored, "UTC")).toEqual({
      code: "SUMMER-10",
      description: "Summer sale",
      type: "percentage",
      value: "12.5",
      minimumSubtotal: "50.00",
      startsAt: "2026-06-01T00:00",
      endsAt: "",
      usageLimit: "10",
      perCustomerLimit: "",
    });
  });

  it("sends every shown field, a cleared one as null, and round-trips what it was given", () => {
    const defaults = promotionFormDefaults(stored, "UTC");
    expect(promotionPatchOf(stored.code, schema.parse(defaults))).toEqual({
      code: "SUMMER-10",
      description: "Summer sale",
      type: "percentage",
      value: 125_000,
      minimumSubtotalCents: 5000,
      startsAt: stored.startsAt,
      endsAt: null,
      usageLimit: 10,
      perCustomerLimit: null,
    });
    const freeShipping = schema.parse({ ...defaults, type: "free_shipping", minimumSubtotal: "" });
    expect(promotionPatchOf(stored.code, freeShipping)).toMatchObject({
      value: null,
      minimumSubtotalCents: null,
    });
  });
});

describe("the API's refusals on the form's fields", () => {
  it("puts a taken code on the code field and a limit below the uses on the usage limit", () => {
    expect(
      promotionFieldErrors({
        message: "The code SUMMER-10 is already taken",
        status: 409,
        issues: [],
        details: { code: "SUMMER-10" },
      }),
    ).toEqual([{ field: "code", message: "The code SUMMER-10 is already taken" }]);
    expect(
      promotionFieldErrors({
        message: "SUMMER-10 has been used 3 times: its usage limit cannot be lower than that",
        status: 409,
        issues: [],
        details: { code: "SUMMER-10", timesUsed: 3, usageLimit: 2 },
      }),
    ).toEqual([
      {
        field: "usageLimit",
        message: "SUMMER-10 has been used 3 times: its usage limit cannot be lower than that",
      },
    ]);
  });

  it("maps zod issues and domain problems by the API's field names", () => {
    expect(
      promotionFieldErrors({
        message: "Invalid input",
        status: 400,
        issues: [{ path: "minimumSubtotalCents", message: "Must be zero or more" }],
        details: { problems: [{ path: "value", message: "Enter the amount off" }] },
      }),
    ).toEqual([
      { field: "minimumSubtotal", message: "Must be zero or more" },
      { field: "value", message: "Enter the amount off" },
    ]);
    expect(formFieldOf("patch.usageLimit")).toBe("usageLimit");
    expect(formFieldOf(["appliesTo", "productIds", 0])).toBeUndefined();
  });
});

describe("how a code reads in the list", () => {
  const now = new Date("2026-07-01T00:00:00Z");
  it("says whether it works now", () => {
    expect(promotionStatus(stored, now)).toBe("active");
    expect(promotionStatus({ ...stored, active: false }, now)).toBe("inactive");
    expect(promotionStatus({ ...stored, startsAt: new Date("2026-08-01T00:00:00Z") }, now)).toBe("scheduled");
    expect(promotionStatus({ ...stored, endsAt: now }, now)).toBe("expired");
  });

  it("shows the value and the uses", () => {
    expect(promotionValueText(stored)).toBe("12.5% off");
    expect(promotionValueText({ ...stored, type: "fixed", value: 500 })).toBe("$5.00 off");
    expect(promotionValueText({ ...stored, type: "free_shipping", value: null })).toBe("Free shipping");
    expect(promotionUsesText(stored)).toBe("3 / 10");
    expect(promotionUsesText({ ...stored, usageLimit: null })).toBe("3 / no limit");
  });
});
