import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import type { PricingLine, PromotionRefusal } from "../domain/pricing/index.ts";
import { PromotionNotApplicableError } from "../errors.ts";
import { restErrorOf } from "../rest/error-body.ts";
import { sqlOn } from "../sql.ts";
import { callerAs, createTestProduct, createTestUser, useTestContext } from "../testing.ts";
import { redeemPromotion } from "./promotion-redemption-sql.ts";
import { promotionForCheckout } from "./promotions.ts";

const t = useTestContext();
let staff: SessionUser;
let shopper: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  shopper = await createTestUser(t.db);
});

const asStaff = () => callerAs(t.services, staff).promotion;
const HOUR = 60 * 60 * 1000;
let counter = 0;
function nextCode(prefix = "code") {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A placed order of `userId` that used the code (through the one writer of uses). */
async function useCode(promotionId: string, customer: { id: string; email: string }, totalCents = 1800) {
  const order = await t.db.order.create({
    data: {
      userId: customer.id,
      subtotalCents: 2000,
      discountCents: 200,
      totalCents,
      shipStreet: "1 Test Street",
      shipCity: "Portland",
      shipState: "OR",
      shipZip: "97201",
    },
    select: { id: true },
  });
  await redeemPromotion(sqlOn(t.db), {
    promotionId,
    orderId: order.id,
    userId: customer.id,
    email: customer.email,
    discountCents: 200,
  });
  return order;
}

async function trpcError(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("promotion.create", () => {
  it("stores the code trimmed and upper-case with its terms, and answers its view", async () => {
    const category = await t.db.category.create({ data: { slug: "promo-mugs", name: "Mugs" } });
    const created = await asStaff().create({
      code: "  summer-15 ",
      description: "Summer sale",
      type: "percentage",
      value: 150_000,
      minimumSubtotalCents: 5000,
      startsAt: new Date("2026-06-01T00:00:00Z"),
      endsAt: new Date("2026-09-01T00:00:00Z"),
      usageLimit: 100,
      perCustomerLimit: 1,
      appliesTo: { categoryIds: [category.id] },
    });
    expect(created).toMatchObject({
      code: "SUMMER-15",
      description: "Summer sale",
      type: "percentage",
      value: 150_000,
      currency: "USD",
      minimumSubtotalCents: 5000,
      usageLimit: 100,
      perCustomerLimit: 1,
      timesUsed: 0,
      active: true,
      appliesTo: { categoryIds: [category.id], productIds: [] },
    });
    const row = await t.db.promotion.findUniqueOrThrow({ where: { code: "SUMMER-15" } });
    expect(row).toMatchObject({ percentPpm: 150_000, amountCents: null });
    const audit = await t.db.auditLog.findFirst({
      where: { action: "promotion.create", entityId: created.id },
    });
    expect(audit?.actorId).toBe(staff.id);
  });

  it("stores a fixed amount in cents of its currency, and free shipping without a value", async () => {
    const fixed = await asStaff().create({ code: nextCode(), type: "fixed", value: 1000, currency: "EUR" });
    expect(fixed).toMatchObject({ type: "fixed", value: 1000, currency: "EUR" });
    expect(await t.db.promotion.findUniqueOrThrow({ where: { id: fixed.id } })).toMatchObject({
      amountCents: 1000,
      percentPpm: null,
    });
    const free = await asStaff().create({ code: nextCode(), type: "free_shipping" });
    expect(free).toMatchObject({ type: "free_shipping", value: null });
  });

  it("answers 409 naming a code that is taken, whatever its case", async () => {
    await asStaff().create({ code: "TAKEN-1", type: "free_shipping" });
    const error = await trpcError(asStaff().create({ code: "taken-1", type: "fixed", value: 500 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("The code TAKEN-1 is already taken");
  });

  it.each([
    [{ code: "ab", type: "free_shipping" }, "code", "Use at least 3 characters"],
    [{ code: "x".repeat(41), type: "free_shipping" }, "code", "Use at most 40 characters"],
    [{ code: "TEN OFF", type: "free_shipping" }, "code", "Use only letters, digits, - and _"],
    [{ code: "TENOFF%", type: "free_shipping" }, "code", "Use only letters, digits, - and _"],
    [{ code: "PCT-NONE", type: "percentage" }, "value", "Enter the percentage off"],
    [
      { code: "PCT-BIG", type: "percentage", value: 1_000_001 },
      "value",
      "A percentage must be more than 0% and at most 100%",
    ],
    [{ code: "PCT-ZERO", type: "percentage", value: 0 }, "value", "Must be more than zero"],
    [{ code: "FIX-NONE", type: "fixed" }, "value", "Enter the amount off"],
    [{ code: "FIX-NEG", type: "fixed", value: -5 }, "value", "Must be more than zero"],
    [{ code: "SHIP-VAL", type: "free_shipping", value: 5 }, "value", "A free-shipping code takes no value"],
    [
      {
        code: "DATES",
        type: "free_shipping",
        startsAt: new Date("2026-02-01"),
        endsAt: new Date("2026-01-01"),
      },
      "endsAt",
      "The end must be after the start",
    ],
    [
      { code: "LIMIT-0", type: "free_shipping", usageLimit: 0 },
      "usageLimit",
      "Allow at least 1 use, or leave it empty for no limit",
    ],
    [
      { code: "PER-0", type: "free_shipping", perCustomerLimit: 0 },
      "perCustomerLimit",
      "Allow at least 1 use, or leave it empty for no limit",
    ],
    [
      { code: "SCOPE", type: "free_shipping", appliesTo: { productIds: ["nope"] } },
      "appliesTo.productIds.0",
      "Not a product id",
    ],
  ])("refuses %j with a 400 on %s", async (input, path, message) => {
    const error = await trpcError(asStaff().create(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
    expect(issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([path, message]);
  });

  it("refuses products or categories that do not exist, naming them", async () => {
    const missing = "7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    const error = await trpcError(
      asStaff().create({ code: nextCode(), type: "free_shipping", appliesTo: { productIds: [missing] } }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toMatchObject({ message: "Product not found", details: { productIds: [missing] } });
  });

  it("is for staff only", async () => {
    const call = callerAs(t.services, shopper).promotion.create({ code: nextCode(), type: "free_shipping" });
    expect((await trpcError(call)).code).toBe("FORBIDDEN");
    expect((await trpcError(callerAs(t.services, null).promotion.list({}))).code).toBe("UNAUTHORIZED");
  });
});

describe("promotion.byCode and usage", () => {
  it("answers the code (any case) with timesUsed and its usage; cancelled orders count only in timesUsed", async () => {
    const promotion = await asStaff().create({ code: nextCode("usage"), type: "fixed", value: 200 });
    const other = await createTestUser(t.db);
    await useCode(promotion.id, shopper, 1800);
    await useCode(promotion.id, other, 2800);
    const cancelled = await useCode(promotion.id, other, 900);
    await t.db.order.update({ where: { id: cancelled.id }, data: { status: "cancelled" } });

    const found = await asStaff().byCode({ code: promotion.code.toLowerCase() });
    expect(found).toMatchObject({ code: promotion.code, timesUsed: 3 });
    expect(found.usage).toEqual({
      timesUsed: 3,
      orders: 2,
      cancelledOrders: 1,
      revenueCents: 4600,
      discountCents: 400,
    });
  });

  it("answers 404 for an unknown code", async () => {
    const error = await trpcError(asStaff().byCode({ code: "NO-SUCH-CODE" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("Promotion not found");
  });
});

describe("promotion.list", () => {
  it("pages newest first and filters by activity and part of the code or description", async () => {
    const made = [];
    for (let index = 0; index < 5; index += 1) {
      made.push(
        await asStaff().create({
          code: nextCode("LISTME"),
          description: index === 2 ? "Winter special" : "",
          type: "free_shipping",
        }),
      );
    }
    await asStaff().update({ code: made[1]!.code, active: false });
    // Newest first, ties in the same millisecond broken by id, descending.
    const expected = [...made]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((row) => row.code);

    const first = await asStaff().list({ q: "listme", limit: 2 });
    const second = await asStaff().list({ q: "listme", limit: 2, cursor: first.nextCursor! });
    const third = await asStaff().list({ q: "listme", limit: 2, cursor: second.nextCursor! });
    expect([first, second, third].map((page) => page.promotions.map((row) => row.code))).toEqual([
      expected.slice(0, 2),
      expected.slice(2, 4),
      expected.slice(4),
    ]);
    expect(third.nextCursor).toBeNull();

    const inactive = await asStaff().list({ q: "LISTME", active: false });
    expect(inactive.promotions.map((row) => row.code)).toEqual([made[1]!.code]);
    const byDescription = await asStaff().list({ q: "winter" });
    expect(byDescription.promotions.map((row) => row.code)).toEqual([made[2]!.code]);
  });

  it("refuses a forged cursor with a 400", async () => {
    expect((await trpcError(asStaff().list({ cursor: "not-a-cursor" }))).code).toBe("BAD_REQUEST");
  });
});

describe("promotion.update", () => {
  it("deactivates and reactivates, edits terms, clears a condition with null, and audits before and after", async () => {
    const promotion = await asStaff().create({
      code: nextCode("edit"),
      type: "percentage",
      value: 100_000,
      usageLimit: 5,
    });
    const off = await asStaff().update({ code: promotion.code, active: false });
    expect(off.active).toBe(false);
    const edited = await asStaff().update({
      code: promotion.code.toLowerCase(),
      active: true,
      value: 250_000,
      description: "A quarter off",
      usageLimit: null,
    });
    expect(edited).toMatchObject({
      active: true,
      value: 250_000,
      description: "A quarter off",
      usageLimit: null,
    });
    expect(edited.updatedAt.getTime()).toBeGreaterThanOrEqual(promotion.updatedAt.getTime());
    const audit = await t.db.auditLog.findFirst({
      where: { action: "promotion.update", entityId: promotion.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit?.before).toMatchObject({ value: 100_000 });
    expect(audit?.after).toMatchObject({ value: 250_000 });
  });

  it("changes the type only with the new type's value, and clears the old value column", async () => {
    const promotion = await asStaff().create({
      code: nextCode("retype"),
      type: "percentage",
      value: 100_000,
    });
    const error = await trpcError(asStaff().update({ code: promotion.code, type: "fixed" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Enter the amount off");
    const fixed = await asStaff().update({ code: promotion.code, type: "fixed", value: 700 });
    expect(fixed).toMatchObject({ type: "fixed", value: 700 });
    expect(await t.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } })).toMatchObject({
      percentPpm: null,
      amountCents: 700,
    });
    const free = await asStaff().update({ code: promotion.code, type: "free_shipping", value: null });
    expect(free).toMatchObject({ type: "free_shipping", value: null });
  });

  it("checks dates against the stored ones: an end before the stored start is a 400", async () => {
    const promotion = await asStaff().create({
      code: nextCode("dates"),
      type: "free_shipping",
      startsAt: new Date("2026-05-01T00:00:00Z"),
    });
    const error = await trpcError(
      asStaff().update({ code: promotion.code, endsAt: new Date("2026-04-01T00:00:00Z") }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The end must be after the start");
  });

  it("refuses a usage limit below the uses so far with a 409, and allows one equal to them", async () => {
    const promotion = await asStaff().create({
      code: nextCode("limit"),
      type: "free_shipping",
      usageLimit: 5,
    });
    const other = await createTestUser(t.db);
    await useCode(promotion.id, shopper);
    await useCode(promotion.id, other);
    const error = await trpcError(asStaff().update({ code: promotion.code, usageLimit: 1 }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      `${promotion.code} has been used 2 times: its usage limit cannot be lower than that`,
    );
    expect((await asStaff().update({ code: promotion.code, usageLimit: 2 })).usageLimit).toBe(2);
  });

  it("answers 404 for an unknown code and 400 for a patch that changes nothing", async () => {
    expect((await trpcError(asStaff().update({ code: "NO-SUCH", active: false }))).code).toBe("NOT_FOUND");
    expect((await trpcError(asStaff().update({ code: "NO-SUCH" }))).code).toBe("BAD_REQUEST");
  });
});

describe("promotionForCheckout", () => {
  let mug: { id: string; categoryId: string | null };
  let tee: { id: string };
  const lines = (
    ...parts: { product: { id: string; categoryId?: string | null }; cents: number }[]
  ): PricingLine[] =>
    parts.map(({ product, cents }) => ({
      key: product.id,
      productId: product.id,
      categoryIds: product.categoryId ? [product.categoryId] : [],
      unitPriceCents: cents,
      quantity: 1,
    }));

  beforeAll(async () => {
    const category = await t.db.category.create({ data: { slug: "checkout-mugs", name: "Checkout mugs" } });
    mug = await createTestProduct(t.db, { categoryId: category.id });
    tee = await createTestProduct(t.db);
  });

  async function refusal(code: string, options: Partial<Parameters<typeof promotionForCheckout>[2]> = {}) {
    const error = await promotionForCheckout(t.db, code, {
      userId: shopper.id,
      email: shopper.email,
      now: new Date(),
      ...options,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof PromotionNotApplicableError))
      throw new Error(`expected a refusal, got ${String(error)}`);
    return error;
  }

  it("maps a usable code for the pricing engine, with the terms and counts it was judged on", async () => {
    const promotion = await asStaff().create({
      code: nextCode("ok"),
      description: "Ten off mugs",
      type: "percentage",
      value: 100_000,
      perCustomerLimit: 3,
      appliesTo: { categoryIds: [mug.categoryId!] },
    });
    await useCode(promotion.id, shopper);
    const found = await promotionForCheckout(t.db, ` ${promotion.code.toLowerCase()} `, {
      userId: shopper.id,
      email: shopper.email,
      now: new Date(),
      lines: lines({ product: mug, cents: 1200 }, { product: tee, cents: 2000 }),
      currency: "USD",
    });
    expect(found).toMatchObject({
      id: promotion.id,
      code: promotion.code,
      description: "Ten off mugs",
      updatedAt: promotion.updatedAt,
      promotion: {
        type: "percentage",
        percentPpm: 100_000,
        appliesTo: { categoryIds: [mug.categoryId], productIds: [] },
      },
      terms: { active: true, perCustomerLimit: 3, usageLimit: null },
      timesUsed: 1,
      customerUses: 1,
    });
  });

  const reasons: [PromotionRefusal, () => Promise<PromotionNotApplicableError>][] = [
    ["not_found", () => refusal("NEVER-MADE")],
    [
      "not_found",
      async () => {
        const promotion = await asStaff().create({ code: nextCode("off"), type: "free_shipping" });
        await asStaff().update({ code: promotion.code, active: false });
        return refusal(promotion.code);
      },
    ],
    [
      "not_started",
      async () => {
        const starts = new Date(Date.now() + HOUR);
        const promotion = await asStaff().create({
          code: nextCode("soon"),
          type: "free_shipping",
          startsAt: starts,
        });
        return refusal(promotion.code);
      },
    ],
    [
      "expired",
      async () => {
        const ends = new Date(Date.now() - HOUR);
        const promotion = await asStaff().create({
          code: nextCode("past"),
          type: "free_shipping",
          endsAt: ends,
        });
        return refusal(promotion.code);
      },
    ],
    [
      "usage_limit",
      async () => {
        const promotion = await asStaff().create({
          code: nextCode("full"),
          type: "free_shipping",
          usageLimit: 1,
        });
        await useCode(promotion.id, await createTestUser(t.db));
        return refusal(promotion.code);
      },
    ],
    [
      "per_customer_limit",
      async () => {
        const promotion = await asStaff().create({
          code: nextCode("mine"),
          type: "free_shipping",
          perCustomerLimit: 1,
        });
        await useCode(promotion.id, shopper);
        return refusal(promotion.code);
      },
    ],
    [
      "per_customer_limit",
      async () => {
        // A guest's uses count by e-mail: the same address as a signed-in customer's counts for them.
        const promotion = await asStaff().create({
          code: nextCode("mail"),
          type: "free_shipping",
          perCustomerLimit: 1,
        });
        await useCode(promotion.id, shopper);
        return refusal(promotion.code, { userId: undefined, email: shopper.email.toUpperCase() });
      },
    ],
    [
      "not_eligible",
      async () => {
        const promotion = await asStaff().create({
          code: nextCode("mugs"),
          type: "percentage",
          value: 100_000,
          appliesTo: { productIds: [mug.id] },
        });
        return refusal(promotion.code, { lines: lines({ product: tee, cents: 5000 }) });
      },
    ],
    [
      "not_eligible",
      async () => {
        const promotion = await asStaff().create({
          code: nextCode("euro"),
          type: "fixed",
          value: 500,
          currency: "EUR",
        });
        return refusal(promotion.code, { lines: lines({ product: tee, cents: 5000 }), currency: "USD" });
      },
    ],
    [
      "minimum_not_met",
      async () => {
        const promotion = await asStaff().create({
          code: nextCode("min"),
          type: "fixed",
          value: 500,
          minimumSubtotalCents: 5000,
        });
        return refusal(promotion.code, {
          lines: lines({ product: mug, cents: 1200 }, { product: tee, cents: 3000 }),
        });
      },
    ],
  ];

  it.each(reasons)("answers %s", async (reason, refuse) => {
    const error = await refuse();
    expect(error.reason).toBe(reason);
    expect(error.details).toEqual({ code: error.promotionCode, reason });
    expect(error.promotionCode).toMatch(/^[A-Z0-9_-]+$/);
  });

  it('is a 400 {error: "Promotion not applicable", details: {code, reason}} on REST', async () => {
    const error = await refusal("NEVER-MADE");
    expect(restErrorOf(error, "request-1")).toEqual({
      status: 400,
      body: { error: "Promotion not applicable", details: { code: "NEVER-MADE", reason: "not_found" } },
    });
  });

  it("without lines checks only what does not depend on the cart", async () => {
    const promotion = await asStaff().create({
      code: nextCode("nolines"),
      type: "fixed",
      value: 500,
      minimumSubtotalCents: 5000,
      appliesTo: { productIds: [mug.id] },
    });
    const found = await promotionForCheckout(t.db, promotion.code, { now: new Date() });
    expect(found.promotion).toMatchObject({ type: "fixed", amountCents: 500 });
    expect(found.customerUses).toBe(0);
  });
});
