import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PromotionRefusal } from "../domain/pricing/index.ts";
import { PromotionNotApplicableError } from "../errors.ts";
import type { Sql } from "../sql.ts";
import { createTestUser, useTestContext } from "../testing.ts";
import { redeemPromotion } from "./promotion-redemption-sql.ts";
import { RetryableConflictError } from "./transaction-retry.ts";

// Each redemption runs as an order would: its own transaction on its own connection, with its own
// order row. Postgres here allows 100 connections shared with other test files, so the pool holds
// 40: the first 40 attempts are released at once by a gate, the rest race as connections free up.
const POOL_SIZE = 40;

const t = useTestContext();
let pool: pg.Pool;

beforeAll(() => {
  pool = new pg.Pool({ connectionString: t.url, max: POOL_SIZE });
});
afterAll(async () => {
  await pool.end();
});

function sqlOf(client: pg.PoolClient): Sql {
  return {
    inTransaction: true,
    rows: async <R>(statement: { text: string }, values: unknown[]) =>
      (await client.query(statement.text, values)).rows as R[],
  };
}

type Outcome = "redeemed" | PromotionRefusal;

/** A gate that opens once `size` attempts wait at it (or at once for the attempts after those). */
function gate(size: number) {
  let waiting = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    waiting += 1;
    if (waiting >= size) open();
    return opened;
  };
}

async function attempt(
  promotionId: string,
  customer: { userId: string | null; email: string; orderUserId?: string },
  atGate: () => Promise<void> = async () => {},
): Promise<Outcome> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "order" ("userId", "subtotalCents", "totalCents", "shipStreet", "shipCity", "shipState", "shipZip")
       VALUES ($1, 2000, 1800, '1 Test Street', 'Portland', 'OR', '97201') RETURNING id`,
      [customer.orderUserId ?? customer.userId],
    );
    await atGate();
    try {
      await redeemPromotion(sqlOf(client), {
        promotionId,
        orderId: rows[0]!.id,
        userId: customer.userId,
        email: customer.email,
        discountCents: 200,
      });
      await client.query("COMMIT");
      return "redeemed";
    } catch (error) {
      await client.query("ROLLBACK");
      if (error instanceof PromotionNotApplicableError) return error.reason;
      throw error;
    }
  } finally {
    client.release();
  }
}

/** Customers without a password (hashing 100 passwords would take most of the test). */
async function createCustomers(count: number): Promise<{ id: string; email: string }[]> {
  const customers = Array.from({ length: count }, () => {
    const id = randomUUID();
    return { id, email: `race-${id.slice(0, 8)}@example.test`, name: "Racing Customer" };
  });
  await t.db.user.createMany({ data: customers });
  return customers;
}

let counter = 0;
async function createCode(data: {
  usageLimit?: number;
  perCustomerLimit?: number;
  active?: boolean;
  startsAt?: Date;
  endsAt?: Date;
}) {
  counter += 1;
  return t.db.promotion.create({
    data: { code: `RACE-${counter}`, type: "percentage", percentPpm: 100_000, ...data },
    select: { id: true, code: true, updatedAt: true },
  });
}

async function written(promotionId: string) {
  const promotion = await t.db.promotion.findUniqueOrThrow({
    where: { id: promotionId },
    select: { timesUsed: true },
  });
  const redemptions = await t.db.promotionRedemption.findMany({
    where: { promotionId },
    select: { orderId: true },
  });
  const orders = await t.db.order.count({ where: { id: { in: redemptions.map((row) => row.orderId) } } });
  return { timesUsed: promotion.timesUsed, redemptions: redemptions.length, orders };
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

describe("redeemPromotion under concurrency", () => {
  it("uses a code limited to 10 uses exactly 10 times when 100 orders race for it; the other 90 are refused with nothing written", async () => {
    const promotion = await createCode({ usageLimit: 10 });
    const shoppers = await createCustomers(100);
    const ordersBefore = await t.db.order.count();
    const atGate = gate(POOL_SIZE);
    const outcomes = await Promise.all(
      shoppers.map((shopper) => attempt(promotion.id, { userId: shopper.id, email: shopper.email }, atGate)),
    );
    expect(tally(outcomes)).toEqual({ redeemed: 10, usage_limit: 90 });
    expect(await written(promotion.id)).toEqual({ timesUsed: 10, redemptions: 10, orders: 10 });
    // The refused orders rolled back: only the 10 that used the code exist.
    expect(await t.db.order.count()).toBe(ordersBefore + 10);
  });

  it("holds a per-customer limit of 2 when one customer sends 20 orders at once", async () => {
    const promotion = await createCode({ perCustomerLimit: 2 });
    const shopper = await createTestUser(t.db);
    const atGate = gate(20);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        attempt(promotion.id, { userId: shopper.id, email: shopper.email }, atGate),
      ),
    );
    expect(tally(outcomes)).toEqual({ redeemed: 2, per_customer_limit: 18 });
    expect(await written(promotion.id)).toEqual({ timesUsed: 2, redemptions: 2, orders: 2 });
  });

  it("counts a guest's uses by e-mail (any case), with the same limit under concurrency", async () => {
    const promotion = await createCode({ perCustomerLimit: 1 });
    const account = await createTestUser(t.db);
    const atGate = gate(10);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        attempt(
          promotion.id,
          {
            userId: null,
            email: index % 2 === 0 ? "Guest@Example.test" : "guest@example.test",
            orderUserId: account.id,
          },
          atGate,
        ),
      ),
    );
    expect(tally(outcomes)).toEqual({ redeemed: 1, per_customer_limit: 9 });
    const [row] = await t.db.promotionRedemption.findMany({ where: { promotionId: promotion.id } });
    expect(row).toMatchObject({ userId: null, email: "guest@example.test" });
  });

  it("refuses no one under a per-customer limit when 30 different customers race (a stale count is tried again, never refused)", async () => {
    const promotion = await createCode({ perCustomerLimit: 1, usageLimit: 30 });
    const shoppers = await createCustomers(30);
    const atGate = gate(30);
    const outcomes = await Promise.all(
      shoppers.map((shopper) => attempt(promotion.id, { userId: shopper.id, email: shopper.email }, atGate)),
    );
    expect(tally(outcomes)).toEqual({ redeemed: 30 });
    expect(await written(promotion.id)).toEqual({ timesUsed: 30, redemptions: 30, orders: 30 });
  });
});

describe("redeemPromotion refusals", () => {
  let shopper: { id: string; email: string };
  beforeAll(async () => {
    shopper = await createTestUser(t.db);
  });
  const once = (promotionId: string) => attempt(promotionId, { userId: shopper.id, email: shopper.email });

  it("answers not_found for a deactivated code or an unknown id, not_started before its start, expired from its end", async () => {
    const hour = 60 * 60 * 1000;
    expect(await once((await createCode({ active: false })).id)).toBe("not_found");
    expect(await once("00000000-0000-4000-8000-000000000000")).toBe("not_found");
    expect(await once((await createCode({ startsAt: new Date(Date.now() + hour) })).id)).toBe("not_started");
    expect(await once((await createCode({ endsAt: new Date(Date.now() - hour) })).id)).toBe("expired");
  });

  it("names the code in the refusal and writes nothing", async () => {
    const promotion = await createCode({ usageLimit: 1 });
    expect(await once(promotion.id)).toBe("redeemed");
    const client = await pool.connect();
    try {
      const error = await redeemPromotion(sqlOf(client), {
        promotionId: promotion.id,
        orderId: "00000000-0000-4000-8000-000000000001",
        userId: shopper.id,
        email: shopper.email,
        discountCents: 1,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PromotionNotApplicableError);
      expect((error as PromotionNotApplicableError).details).toEqual({
        code: promotion.code,
        reason: "usage_limit",
      });
    } finally {
      client.release();
    }
    expect(await written(promotion.id)).toEqual({ timesUsed: 1, redemptions: 1, orders: 1 });
  });

  it("refuses terms edited since the order was priced with a retryable conflict, and takes no use", async () => {
    const promotion = await createCode({});
    await t.db.promotion.update({ where: { id: promotion.id }, data: { percentPpm: 200_000 } });
    const client = await pool.connect();
    try {
      const redeemWithOldTerms = redeemPromotion(sqlOf(client), {
        promotionId: promotion.id,
        orderId: "00000000-0000-4000-8000-000000000002",
        userId: shopper.id,
        email: shopper.email,
        discountCents: 1,
        termsUpdatedAt: promotion.updatedAt,
      });
      await expect(redeemWithOldTerms).rejects.toBeInstanceOf(RetryableConflictError);
    } finally {
      client.release();
    }
    expect(await written(promotion.id)).toEqual({ timesUsed: 0, redemptions: 0, orders: 0 });
  });

  it("decides start and end by the `now` it is given", async () => {
    const start = new Date("2030-01-01T00:00:00.000Z");
    const promotion = await createCode({ startsAt: start, endsAt: new Date("2030-02-01T00:00:00.000Z") });
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "order" ("userId", "subtotalCents", "totalCents", "shipStreet", "shipCity", "shipState", "shipZip")
         VALUES ($1, 2000, 1800, 's', 'c', 'st', 'z') RETURNING id`,
        [shopper.id],
      );
      const used = await redeemPromotion(sqlOf(client), {
        promotionId: promotion.id,
        orderId: rows[0]!.id,
        userId: shopper.id,
        email: shopper.email,
        discountCents: 200,
        now: start,
      });
      expect(used).toEqual({ timesUsed: 1, customerUses: null });
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  });
});
