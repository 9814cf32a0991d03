import type { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { centsFromDb } from "../domain/money.ts";
import {
  cartEligibility,
  type PricingLine,
  type PricingPromotion,
  type PromotionTerms,
  promotionRefusal,
} from "../domain/pricing/index.ts";
import { ConflictError, InvalidInputError, NotFoundError, PromotionNotApplicableError } from "../errors.ts";
import {
  type CreatePromotion,
  type PromotionListFilter,
  type PromotionType,
  promotionTermsProblems,
  type UpdatePromotion,
} from "../schemas/promotion.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { isUniqueViolation } from "./transaction-retry.ts";

// Discount codes: what staff create, edit and read (with their usage), and the one read checkout
// makes of a code. Uses are written only by promotion-redemption-sql.ts (the order statement).

export const promotionSelect = {
  id: true,
  code: true,
  description: true,
  type: true,
  percentPpm: true,
  amountCents: true,
  currency: true,
  minimumSubtotalCents: true,
  startsAt: true,
  endsAt: true,
  usageLimit: true,
  perCustomerLimit: true,
  timesUsed: true,
  active: true,
  productIds: true,
  categoryIds: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PromotionSelect;

type PromotionRow = Prisma.PromotionGetPayload<{ select: typeof promotionSelect }>;

/** A code as staff see it; `value` in the input's units (ppm for a percentage, cents for a fixed amount). */
export interface PromotionView {
  id: string;
  code: string;
  description: string;
  type: PromotionType;
  value: number | null;
  currency: string;
  minimumSubtotalCents: number | null;
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  /** Orders that used the code, cancelled ones included: a cancellation does not give a use back. */
  timesUsed: number;
  active: boolean;
  appliesTo: { productIds: string[]; categoryIds: string[] };
  createdAt: Date;
  updatedAt: Date;
}

/**
 * What the code brought in. Cancelled orders count in `timesUsed` and `cancelledOrders` only: `orders`,
 * `revenueCents` (the orders' totals, after the discount) and `discountCents` (what the code took off)
 * are over the orders that were not cancelled. Sums are in the orders' currencies, added as they are
 * (a shop sells in one currency).
 */
export interface PromotionUsage {
  timesUsed: number;
  orders: number;
  cancelledOrders: number;
  revenueCents: number;
  discountCents: number;
}

function toPromotionView(row: PromotionRow): PromotionView {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    type: row.type,
    value: row.type === "percentage" ? row.percentPpm : row.type === "fixed" ? row.amountCents : null,
    currency: (row.currency ?? "USD").trim(),
    minimumSubtotalCents: row.minimumSubtotalCents,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    usageLimit: row.usageLimit,
    perCustomerLimit: row.perCustomerLimit,
    timesUsed: row.timesUsed,
    active: row.active,
    appliesTo: { productIds: row.productIds, categoryIds: row.categoryIds },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A code as typed, as it is stored: trimmed, upper-case. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The stored value columns of a type: only the type's own one is set (the table's CHECKs say the same). */
function valueColumns(type: PromotionType, value: number | null | undefined) {
  return {
    percentPpm: type === "percentage" ? (value ?? null) : null,
    amountCents: type === "fixed" ? (value ?? null) : null,
  };
}

function refuseProblems(problems: { path: string; message: string }[]): void {
  if (problems.length > 0) throw new InvalidInputError(problems[0]!.message, { problems });
}

/** Refuses product or category ids that do not exist, naming them. */
async function assertScopeExists(
  db: DbClient,
  scope: { productIds?: string[] | undefined; categoryIds?: string[] | undefined } | undefined,
): Promise<void> {
  const productIds = [...new Set(scope?.productIds ?? [])];
  const categoryIds = [...new Set(scope?.categoryIds ?? [])];
  if (productIds.length > 0) {
    const found = await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true } });
    const missing = productIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) throw new InvalidInputError("Product not found", { productIds: missing });
  }
  if (categoryIds.length > 0) {
    const found = await db.category.findMany({ where: { id: { in: categoryIds } }, select: { id: true } });
    const missing = categoryIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length > 0) throw new InvalidInputError("Category not found", { categoryIds: missing });
  }
}

const takenCode = (code: string) => new ConflictError(`The code ${code} is already taken`, { code });

export async function createPromotion(db: DbClient, input: CreatePromotion): Promise<PromotionView> {
  const code = normalizeCode(input.code);
  refuseProblems(promotionTermsProblems(input));
  await assertScopeExists(db, input.appliesTo);
  if (await db.promotion.findUnique({ where: { code }, select: { id: true } })) throw takenCode(code);
  try {
    const row = await db.promotion.create({
      data: {
        code,
        description: input.description ?? "",
        type: input.type,
        ...valueColumns(input.type, input.value),
        currency: input.currency,
        minimumSubtotalCents: input.minimumSubtotalCents ?? null,
        startsAt: input.startsAt ?? null,
        endsAt: input.endsAt ?? null,
        usageLimit: input.usageLimit ?? null,
        perCustomerLimit: input.perCustomerLimit ?? null,
        productIds: [...new Set(input.appliesTo?.productIds ?? [])],
        categoryIds: [...new Set(input.appliesTo?.categoryIds ?? [])],
      },
      select: promotionSelect,
    });
    return toPromotionView(row);
  } catch (error) {
    // Another request created the same code in between.
    if (isUniqueViolation(error, "code")) throw takenCode(code);
    throw error;
  }
}

async function findPromotion(db: DbClient, code: string): Promise<PromotionRow> {
  const normalized = normalizeCode(code);
  const row = await db.promotion.findUnique({ where: { code: normalized }, select: promotionSelect });
  if (!row) throw new NotFoundError("Promotion not found", { code: normalized });
  return row;
}

export async function promotionUsage(db: DbClient, promotion: { id: string; timesUsed: number }) {
  const [row] = await db.$queryRaw<
    { orders: number; cancelledOrders: number; revenueCents: bigint; discountCents: bigint }[]
  >`
    SELECT count(*) FILTER (WHERE o.status <> 'cancelled')::int AS orders,
           count(*) FILTER (WHERE o.status = 'cancelled')::int AS "cancelledOrders",
           coalesce(sum(o."totalCents") FILTER (WHERE o.status <> 'cancelled'), 0)::bigint AS "revenueCents",
           coalesce(sum(r."discountCents") FILTER (WHERE o.status <> 'cancelled'), 0)::bigint AS "discountCents"
    FROM promotion_redemption r JOIN "order" o ON o.id = r."orderId"
    WHERE r."promotionId" = ${promotion.id}::uuid`;
  return {
    timesUsed: promotion.timesUsed,
    orders: row?.orders ?? 0,
    cancelledOrders: row?.cancelledOrders ?? 0,
    revenueCents: centsFromDb(row?.revenueCents ?? 0),
    discountCents: centsFromDb(row?.discountCents ?? 0),
  } satisfies PromotionUsage;
}

/** A code with its usage; 404 when there is none (looked up trimmed and upper-case). */
export async function getPromotion(
  db: DbClient,
  code: string,
): Promise<PromotionView & { usage: PromotionUsage }> {
  const row = await findPromotion(db, code);
  return { ...toPromotionView(row), usage: await promotionUsage(db, row) };
}

/** Codes, newest first, by activity and part of the code or description (keyset pages). */
export async function listPromotions(
  db: DbClient,
  filter: PromotionListFilter,
): Promise<{ promotions: PromotionView[]; nextCursor: string | null }> {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await db.promotion.findMany({
    where: {
      ...(filter.active !== undefined && { active: filter.active }),
      ...(filter.q && {
        OR: [
          { code: { contains: filter.q, mode: "insensitive" } },
          { description: { contains: filter.q, mode: "insensitive" } },
        ],
      }),
      ...(after && {
        AND: [
          { createdAt: { lte: after.createdAt } },
          {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          },
        ],
      }),
    },
    select: promotionSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit).map(toPromotionView);
  const last = page.at(-1);
  return { promotions: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}

/**
 * Changes a code (found by `code`): edits, deactivation (`active: false`), reactivation. The rules
 * across fields hold for the code as patched: changing the type needs the new type's value. The row
 * is locked first, so a usage limit is never set below the uses counted at that moment (409), even
 * while orders use the code.
 */
export async function updatePromotion(
  db: DbClient,
  input: UpdatePromotion,
): Promise<{ before: PromotionView; after: PromotionView }> {
  const code = normalizeCode(input.code);
  const { code: _code, appliesTo, value, ...fields } = input;
  if (appliesTo) await assertScopeExists(db, appliesTo);
  return inTransaction(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM promotion WHERE code = ${code} FOR NO KEY UPDATE`;
    const before = toPromotionView(await findPromotion(tx, code));
    const type = fields.type ?? before.type;
    // A new type's value must be given: the old one means something else (ppm or cents).
    const mergedValue = value !== undefined ? value : type === before.type ? before.value : null;
    const startsAt = fields.startsAt !== undefined ? fields.startsAt : before.startsAt;
    const endsAt = fields.endsAt !== undefined ? fields.endsAt : before.endsAt;
    refuseProblems(promotionTermsProblems({ type, value: mergedValue, startsAt, endsAt }));
    const usageLimit = fields.usageLimit !== undefined ? fields.usageLimit : before.usageLimit;
    if (usageLimit !== null && usageLimit < before.timesUsed)
      throw new ConflictError(
        `${code} has been used ${before.timesUsed} times: its usage limit cannot be lower than that`,
        { code, timesUsed: before.timesUsed, usageLimit },
      );
    const row = await tx.promotion.update({
      where: { id: before.id },
      data: {
        ...fields,
        ...valueColumns(type, mergedValue),
        ...(appliesTo?.productIds && { productIds: [...new Set(appliesTo.productIds)] }),
        ...(appliesTo?.categoryIds && { categoryIds: [...new Set(appliesTo.categoryIds)] }),
      },
      select: promotionSelect,
    });
    return { before, after: toPromotionView(row) };
  });
}

/** A code as checkout applies it: the engine's promotion and terms, and the counts it was judged on. */
export interface CheckoutPromotion {
  id: string;
  code: string;
  description: string;
  currency: string;
  /** Give it to the order statement (orderPromotionSql's termsUpdatedAt): an edit since answers `changed`. */
  updatedAt: Date;
  promotion: PricingPromotion;
  terms: PromotionTerms;
  timesUsed: number;
  customerUses: number;
}

function pricingPromotionOf(row: PromotionRow): PricingPromotion {
  const appliesTo = { productIds: row.productIds, categoryIds: row.categoryIds };
  switch (row.type) {
    case "percentage":
      return { type: "percentage", percentPpm: row.percentPpm ?? 0, appliesTo };
    case "fixed":
      return { type: "fixed", amountCents: row.amountCents ?? 0, appliesTo };
    case "free_shipping":
      return { type: "free_shipping", appliesTo };
  }
}

/** Redemptions of a code by a customer: by their user id or by their e-mail (a guest's orders). */
async function customerUsesOf(
  db: DbClient,
  promotionId: string,
  customer: { userId?: string | undefined; email?: string | undefined },
): Promise<number> {
  const email = customer.email?.trim().toLowerCase();
  if (!customer.userId && !email) return 0;
  return db.promotionRedemption.count({
    where: {
      promotionId,
      OR: [...(customer.userId ? [{ userId: customer.userId }] : []), ...(email ? [{ email }] : [])],
    },
  });
}

/**
 * The code a shopper typed, if this customer may use it now, mapped for the pricing engine; else
 * PromotionNotApplicableError with the first obstacle (promotionRefusal's order). With `lines` (the
 * cart as priced) it also checks what depends on the cart: a line it applies to (`not_eligible`, also
 * for an order in another currency than a code with amounts) and the minimum subtotal; without, only
 * the rest. The counts are a preview: the order statement checks them again when it takes the use.
 */
export async function promotionForCheckout(
  db: DbClient,
  code: string,
  options: {
    userId?: string | undefined;
    email?: string | undefined;
    now: Date;
    lines?: readonly PricingLine[] | undefined;
    /** The order's currency; a fixed amount or a minimum in another one makes the code not eligible. */
    currency?: string | undefined;
  },
): Promise<CheckoutPromotion> {
  const normalized = normalizeCode(code);
  const row = await db.promotion.findUnique({ where: { code: normalized }, select: promotionSelect });
  if (!row) throw new PromotionNotApplicableError(normalized, "not_found");
  const view = toPromotionView(row);
  const promotion = pricingPromotionOf(row);
  const terms: PromotionTerms = {
    active: row.active,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    usageLimit: row.usageLimit,
    perCustomerLimit: row.perCustomerLimit,
    minimumSubtotalCents: row.minimumSubtotalCents,
  };
  const customerUses = row.perCustomerLimit === null ? 0 : await customerUsesOf(db, row.id, options);
  const hasAmounts = row.type === "fixed" || row.minimumSubtotalCents !== null;
  const otherCurrency =
    options.currency !== undefined && hasAmounts && options.currency.trim() !== view.currency;
  const eligibility = options.lines
    ? cartEligibility(promotion.appliesTo, options.lines)
    : { anyLineEligible: true, eligibleSubtotalCents: row.minimumSubtotalCents ?? 0 };
  const reason = promotionRefusal(terms, {
    now: options.now,
    timesUsed: row.timesUsed,
    customerUses,
    eligibleSubtotalCents: eligibility.eligibleSubtotalCents,
    anyLineEligible: eligibility.anyLineEligible && !otherCurrency,
  });
  if (reason) throw new PromotionNotApplicableError(row.code, reason);
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    currency: view.currency,
    updatedAt: row.updatedAt,
    promotion,
    terms,
    timesUsed: row.timesUsed,
    customerUses,
  };
}
