import type { PromotionRefusal } from "../domain/pricing/index.ts";
import { PromotionNotApplicableError } from "../errors.ts";
import type { Sql, SqlStatement } from "../sql.ts";
import { RetryableConflictError } from "./transaction-retry.ts";

// The one writer of a code's use: promotion."timesUsed" and its promotion_redemption rows. The order
// statement composes orderPromotionSql; redeemPromotion runs the same CTEs on their own.

/**
 * What the statement found besides a refusal: `stale`, a per-customer limit it cannot decide on its
 * snapshot (other orders used the code since; run the statement again), and `changed`, terms edited
 * since the caller priced the order with them (price it again).
 */
export type PromotionVerdict = PromotionRefusal | "stale" | "changed";

/**
 * The promotion part of the one-statement order write, as CTEs the statement lists in this order
 * (their names are fixed, like `line` and `taken` of orderSaleStockSql):
 *
 * - `promotion_locked` locks the code's row (FOR NO KEY UPDATE; redemptions' foreign-key checks are
 *   not blocked) and so reads it as last committed: concurrent orders with the code queue here, and
 *   each sees the count the one before it left. Put it after the stock locks, as every order does.
 * - `promotion_verdict` is one row: `wanted` (a code was given), `reason` (null when the code may be
 *   used, else a PromotionVerdict), `code`, `timesUsed` and `customerUses` as it judged them. It
 *   checks, on the locked row, active, startsAt <= now < endsAt, the terms' updatedAt, timesUsed <
 *   usageLimit and, when there is a perCustomerLimit, the customer's redemptions (by user id or
 *   e-mail). Those rows are read on the statement's snapshot, which cannot see redemptions committed
 *   since it began, so the count is decided only when it cannot be wrong: under the limit even if every
 *   use since the snapshot (the locked counter minus the snapshot's) was this customer's, or at the
 *   limit already. Otherwise the verdict is `stale` and the statement must run again (a new snapshot
 *   sees them); only orders racing others for a per-customer-limited code ever see it.
 * - `promotion_used` adds the use (timesUsed + 1) when the verdict allows it and `when` (an SQL
 *   boolean: the rest of the order holds) does; RETURNING id, "timesUsed".
 * - `promotion_redeemed` inserts the redemption for the order `orderId` of the CTE `from`.
 *
 * `ok` is the SQL boolean every other write of the order must require: no code, or its use was taken.
 * Parts are SQL expressions: `promotionId` uuid (NULL: no code, the CTEs do nothing), `userId` text or
 * NULL (a guest), `email` lower-case text, `now` timestamptz, `termsUpdatedAt` the promotion's
 * "updatedAt" the order was priced with (NULL: not checked), `discountCents` bigint.
 */
export function orderPromotionSql(parts: {
  promotionId: string;
  userId: string;
  email: string;
  now: string;
  termsUpdatedAt: string;
  when: string;
  from: string;
  orderId: string;
  discountCents: string;
}): { locked: string; verdict: string; used: string; redeemed: string; ok: string } {
  const id = `(${parts.promotionId})::uuid`;
  return {
    locked: `SELECT id, code, active, "startsAt", "endsAt", "usageLimit", "perCustomerLimit", "timesUsed", "updatedAt"
             FROM promotion WHERE id = ${id} FOR NO KEY UPDATE`,
    verdict: `SELECT ${id} IS NOT NULL AS wanted, p.code, p."timesUsed", uses.n AS "customerUses",
               CASE
                 WHEN ${id} IS NULL THEN NULL
                 WHEN p.id IS NULL OR NOT p.active THEN 'not_found'
                 WHEN p."startsAt" IS NOT NULL AND (${parts.now}) < p."startsAt" THEN 'not_started'
                 WHEN p."endsAt" IS NOT NULL AND (${parts.now}) >= p."endsAt" THEN 'expired'
                 WHEN (${parts.termsUpdatedAt}) IS NOT NULL AND p."updatedAt" <> (${parts.termsUpdatedAt}) THEN 'changed'
                 WHEN p."usageLimit" IS NOT NULL AND p."timesUsed" >= p."usageLimit" THEN 'usage_limit'
                 WHEN p."perCustomerLimit" IS NULL THEN NULL
                 WHEN uses.n >= p."perCustomerLimit" THEN 'per_customer_limit'
                 WHEN uses.n + (p."timesUsed" - uses."snapshotTimesUsed") >= p."perCustomerLimit" THEN 'stale'
               END AS reason
             FROM (SELECT 1) one
             LEFT JOIN promotion_locked p ON true
             LEFT JOIN LATERAL (
               SELECT (SELECT "timesUsed" FROM promotion WHERE id = p.id) AS "snapshotTimesUsed",
                 (SELECT count(*)::int FROM promotion_redemption r
                  WHERE r."promotionId" = p.id AND (r."userId" = (${parts.userId}) OR r.email = (${parts.email}))) AS n
               WHERE p."perCustomerLimit" IS NOT NULL
             ) uses ON true`,
    used: `UPDATE promotion p SET "timesUsed" = p."timesUsed" + 1
           FROM promotion_verdict v
           WHERE p.id = ${id} AND v.wanted AND v.reason IS NULL AND (${parts.when})
           RETURNING p.id, p."timesUsed"`,
    redeemed: `INSERT INTO promotion_redemption ("promotionId", "orderId", "userId", email, "discountCents")
               SELECT promotion_used.id, ${parts.orderId}, ${parts.userId}, ${parts.email}, ${parts.discountCents}
               FROM promotion_used, ${parts.from}`,
    ok: `(${id} IS NULL OR EXISTS (SELECT 1 FROM promotion_used))`,
  };
}

const standalone = orderPromotionSql({
  promotionId: "$1",
  userId: "$3::text",
  email: "$4::text",
  now: "coalesce($6::timestamptz, now())",
  termsUpdatedAt: "$7::timestamptz",
  when: "true",
  from: "target",
  orderId: "target.id",
  discountCents: "$5::bigint",
});

/** redeemPromotion's statement: the order CTEs over an order that exists already ($2). */
export const REDEEM_PROMOTION_SQL = {
  name: "promotion-redeem",
  text: `WITH target AS (SELECT $2::uuid AS id),
         promotion_locked AS (${standalone.locked}),
         promotion_verdict AS (${standalone.verdict}),
         promotion_used AS (${standalone.used}),
         promotion_redeemed AS (${standalone.redeemed})
         SELECT v.reason, v.code, v."customerUses", u."timesUsed"
         FROM promotion_verdict v LEFT JOIN promotion_used u ON true`,
} satisfies SqlStatement;

export interface PromotionRedemption {
  promotionId: string;
  /** An order that exists (the redemption row references it); one code per order. */
  orderId: string;
  /** The customer; null for a guest, whose uses count by e-mail. */
  userId: string | null;
  email: string;
  discountCents: number;
  /** Defaults to the database's clock (the transaction's start). */
  now?: Date;
  /** The promotion's updatedAt the discount was computed from; a newer one refuses with `changed`. */
  termsUpdatedAt?: Date;
}

/** How often a `stale` verdict is tried again: each one means another order used the code meanwhile. */
const MAX_STALE_ATTEMPTS = 100;

/**
 * Uses a code once for an existing order, atomically (the order statement's CTEs on their own): the
 * counter and the redemption row are written together or not at all. A refusal throws
 * PromotionNotApplicableError (with the code as stored, or "" when there is no such promotion) and
 * writes nothing; `changed` throws RetryableConflictError (price the order again). A `stale` verdict
 * runs the statement again: in a READ COMMITTED transaction, or on its own, each run sees what
 * committed before it.
 */
export async function redeemPromotion(
  sql: Sql,
  redemption: PromotionRedemption,
): Promise<{ timesUsed: number; customerUses: number | null }> {
  const values = [
    redemption.promotionId,
    redemption.orderId,
    redemption.userId,
    redemption.email.trim().toLowerCase(),
    redemption.discountCents,
    redemption.now ?? null,
    redemption.termsUpdatedAt ?? null,
  ];
  for (let attempt = 1; ; attempt += 1) {
    const [row] = await sql.rows<{
      reason: PromotionVerdict | null;
      code: string | null;
      customerUses: number | null;
      timesUsed: number | null;
    }>(REDEEM_PROMOTION_SQL, values);
    if (!row) throw new Error("The redemption statement returned no row");
    if (row.reason === null && row.timesUsed !== null)
      return { timesUsed: row.timesUsed, customerUses: row.customerUses };
    if (row.reason === "stale" && attempt < MAX_STALE_ATTEMPTS) continue;
    if (row.reason === "stale" || row.reason === "changed")
      throw new RetryableConflictError("The discount code changed while it was used. Please try again.", {
        code: row.code,
      });
    throw new PromotionNotApplicableError(row.code ?? "", row.reason ?? "not_found");
  }
}
