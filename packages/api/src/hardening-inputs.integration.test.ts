import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { SessionUser } from "./auth/session.ts";
import { createTestProduct, TEST_ADDRESS } from "./fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "./testing.ts";

// Issue 10, defect 4: inputs that reached Postgres and answered 500 must be refused at the edge.

const t = useTestContext();
let shopper: SessionUser;
let staff: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  shopper = await createTestUser(t.db);
  staff = await createTestUser(t.db, { role: "STAFF" });
  admin = await createTestUser(t.db, { role: "ADMIN" });
});

const NUL = "\u0000";
const id = "0b6a7b0e-9d2a-4c8e-9a51-3f0f3c6f2a11";
const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");

/** The call is a 400 whose field issues name `path` (and say why, when `message` is given). */
async function expectFieldRefused(call: Promise<unknown>, path: string, message?: string) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  const issues = (cause as ZodError).issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  expect(issues).toContainEqual(message ? { path, message } : expect.objectContaining({ path }));
}

/** The call is a 400 from a domain rule (not the schema), with this message. */
async function expectRefused(call: Promise<unknown>, message: string) {
  await expect(call).rejects.toMatchObject({ code: "BAD_REQUEST", message });
}

describe("NUL bytes (Postgres 22021) are refused at the edge with 400 naming the field", () => {
  const refusal = "Must not contain NUL characters";
  const as = { customer: () => callerAs(t.services, shopper), staff: () => callerAs(t.services, staff) };
  const cases: [string, () => Promise<unknown>, string][] = [
    ["search q", () => callerAs(t.services, null).product.list({ q: `mug${NUL}` }), "q"],
    ["category slug", () => callerAs(t.services, null).product.list({ category: `mugs${NUL}` }), "category"],
    ["product slug", () => callerAs(t.services, null).product.bySlug({ slug: `mug${NUL}` }), "slug"],
    ["product name", () => as.staff().product.create({ name: `Mug${NUL}`, priceCents: 100 }), "name"],
    [
      "product description",
      () => as.staff().product.create({ name: "Mug", description: `a${NUL}b`, priceCents: 100 }),
      "description",
    ],
    [
      "shipping address",
      () =>
        as.customer().order.create({
          items: [{ productId: id, quantity: 1 }],
          shippingAddress: { ...TEST_ADDRESS, street: `1 Main${NUL}` },
        }),
      "shippingAddress.street",
    ],
    ["order customer filter", () => as.staff().order.list({ customer: `a${NUL}` }), "customer"],
    ["orders of a user id", () => as.customer().order.listByUser({ userId: `u${NUL}` }), "userId"],
    ["order note", () => as.staff().order.cancel({ id, note: `n${NUL}` }), "note"],
    ["stock search", () => as.staff().inventory.levels({ q: `a${NUL}` }), "q"],
    [
      "stock note",
      () => as.staff().inventory.adjust({ productId: id, delta: 1, reason: "restock", note: `x${NUL}` }),
      "note",
    ],
    ["audit actor filter", () => as.staff().admin.auditLog({ actorId: `a${NUL}` }), "actorId"],
    ["audit entity filter", () => as.staff().admin.auditLog({ entity: `order${NUL}` }), "entity"],
    ["audit entity id filter", () => as.staff().admin.auditLog({ entityId: `x${NUL}` }), "entityId"],
    ["customer search", () => as.staff().admin.customers({ q: `a${NUL}` }), "q"],
    ["customer id", () => as.staff().admin.customer({ id: `u${NUL}` }), "id"],
    ["mailbox recipient filter", () => as.staff().admin.emails({ to: `a${NUL}` }), "to"],
    ["profile name", () => as.customer().auth.updateProfile({ name: `Ann${NUL}` }), "name"],
    [
      "staff role target",
      () => callerAs(t.services, admin).staff.setRole({ userId: `u${NUL}`, role: "STAFF" }),
      "userId",
    ],
    ["a CSV file", () => as.staff().productCsv.preview({ csv: `slug,name\nmug,Mug${NUL}\n` }), "csv"],
  ];
  it.each(cases)("%s", async (_name, call, path) => {
    await expectFieldRefused(call(), path, refusal);
  });

  it("keeps newlines where text may have them (notes, descriptions)", async () => {
    const product = await callerAs(t.services, staff).product.create({
      name: "Two-line Mug",
      description: "First line\nSecond line",
      priceCents: 100,
    });
    expect(product.description).toBe("First line\nSecond line");
  });

  it("refuses other control characters in names and slugs", async () => {
    await expectFieldRefused(
      callerAs(t.services, staff).product.create({ name: "Mug\u0007", priceCents: 100 }),
      "name",
    );
    await expectFieldRefused(callerAs(t.services, null).product.bySlug({ slug: "mug\u001b" }), "slug");
  });
});

describe("forged keyset cursors answer 400 Invalid cursor, never a database error", () => {
  const invalid = (call: Promise<unknown>) =>
    expect(call).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Invalid cursor" });
  const list = (sort: "newest" | "price_asc" | "price_desc" | "name", cursor: string) =>
    callerAs(t.services, null).product.list({ sort, cursor });

  it.each([
    ["newest with a non-date", "newest", ["newest", "x", id]],
    ["newest with a number", "newest", ["newest", 5, id]],
    ["newest with a year Postgres cannot hold", "newest", ["newest", "-271821-04-20T00:00:00.000Z", id]],
    ["price_asc with text", "price_asc", ["price_asc", "abc", id]],
    ["price_desc with a fraction", "price_desc", ["price_desc", 1.5, id]],
    ["price_asc beyond int4", "price_asc", ["price_asc", 2 ** 31, id]],
    ["price_asc with 1e300", "price_asc", ["price_asc", 1e300, id]],
    ["name with a number", "name", ["name", 5, id]],
    ["name with a NUL", "name", ["name", `a${NUL}`, id]],
  ] as const)("product.list: %s", async (_name, sort, parts) => {
    await invalid(list(sort, forge(parts)));
  });

  it("inventory.levels: a name cursor with a NUL or a number", async () => {
    await invalid(callerAs(t.services, staff).inventory.levels({ cursor: forge(["name", `a${NUL}`, id]) }));
    await invalid(callerAs(t.services, staff).inventory.levels({ cursor: forge(["name", 7, id]) }));
  });

  it("(createdAt, id) cursors: a date Postgres cannot hold, or a text id with a NUL", async () => {
    const farPast = forge(["-271821-04-20T00:00:00.000Z", id]);
    await invalid(callerAs(t.services, staff).order.list({ cursor: farPast }));
    await invalid(callerAs(t.services, shopper).order.listMine({ cursor: farPast }));
    await invalid(callerAs(t.services, staff).admin.auditLog({ cursor: farPast }));
    await invalid(callerAs(t.services, staff).admin.emails({ cursor: farPast }));
    await invalid(callerAs(t.services, staff).inventory.movements({ productId: id, cursor: farPast }));
    await invalid(
      callerAs(t.services, staff).admin.customers({ cursor: forge(["2026-11-23T10:00:00.000Z", `u${NUL}`]) }),
    );
  });

  it("still pages with real cursors of every sort", async () => {
    for (const price of [300, 100, 200])
      await createTestProduct(t.db, { priceCents: price, name: `Cursor ${price}` });
    for (const sort of ["newest", "price_asc", "price_desc", "name"] as const) {
      const first = await callerAs(t.services, null).product.list({ sort, limit: 1 });
      expect(first.nextCursor).not.toBeNull();
      const second = await callerAs(t.services, null).product.list({
        sort,
        limit: 1,
        cursor: first.nextCursor!,
      });
      expect(second.products[0]?.id).not.toBe(first.products[0]?.id);
    }
  });
});

describe("integer overflow: every integer input is bounded by its column", () => {
  const INT4_OVER = 2 ** 31;

  it("refuses price filters of 2^31 cents or more", async () => {
    await expectFieldRefused(
      callerAs(t.services, null).product.list({ minPriceCents: INT4_OVER }),
      "minPriceCents",
    );
    await expectFieldRefused(
      callerAs(t.services, null).product.list({ maxPriceCents: INT4_OVER }),
      "maxPriceCents",
    );
  });

  it("refuses stock delta, set and expectedVersion beyond int4", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const caller = callerAs(t.services, staff);
    const base = { productId: product.id, reason: "restock" as const };
    await expectFieldRefused(caller.inventory.adjust({ ...base, delta: INT4_OVER }), "delta");
    await expectFieldRefused(caller.inventory.adjust({ ...base, delta: -INT4_OVER }), "delta");
    await expectFieldRefused(caller.inventory.adjust({ ...base, set: INT4_OVER }), "set");
    await expectFieldRefused(
      caller.inventory.adjust({ ...base, delta: 1, expectedVersion: INT4_OVER }),
      "expectedVersion",
    );
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(5);
  });

  it("refuses a stock level that would pass the maximum, instead of overflowing", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const caller = callerAs(t.services, staff);
    await caller.inventory.adjust({ productId: product.id, reason: "restock", set: 1_000_000_000 });
    await expect(
      caller.inventory.adjust({ productId: product.id, reason: "restock", delta: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "Stock cannot exceed 1,000,000,000" });
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(1_000_000_000);
  });

  it("refuses order.list number beyond int4", async () => {
    await expectFieldRefused(callerAs(t.services, staff).order.list({ number: INT4_OVER }), "number");
  });

  it("places an order whose total passes 2^31 cents (100 lines × 999 of a $449 product) exactly", async () => {
    const product = await createTestProduct(t.db, { priceCents: 44_900, stock: 100_000 });
    const order = await callerAs(t.services, shopper).order.create({
      items: Array.from({ length: 100 }, () => ({ productId: product.id, quantity: 999 })),
      shippingAddress: TEST_ADDRESS,
    });
    const total = 100 * 999 * 44_900;
    expect(total).toBeGreaterThan(2 ** 31);
    expect(order).toMatchObject({ totalCents: total, subtotalCents: total });
    expect(order.items).toEqual([expect.objectContaining({ quantity: 99_900, lineTotalCents: total })]);
    const read = await callerAs(t.services, shopper).order.byId({ id: order.id });
    expect(read).toMatchObject({ totalCents: total, items: [{ lineTotalCents: total }] });
    expect(typeof read.totalCents).toBe("number");
    const [listed] = (await callerAs(t.services, shopper).order.listMine({})).orders;
    expect(listed).toMatchObject({ id: order.id, totalCents: total });
    expect((await callerAs(t.services, staff).admin.customer({ id: shopper.id })).lifetimeValueCents).toBe(
      total,
    );
    const dashboard = await callerAs(t.services, staff).admin.dashboard();
    expect(dashboard.revenue.today.revenueCents).toBeGreaterThanOrEqual(total);
    expect(dashboard.recentOrders.find((recent) => recent.id === order.id)?.totalCents).toBe(total);
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(100);
  });

  it("refuses an order whose total passes the maximum, and takes no stock", async () => {
    const product = await createTestProduct(t.db, { priceCents: 100_000_000, stock: 100 });
    await expectRefused(
      callerAs(t.services, shopper).order.create({
        items: [{ productId: product.id, quantity: 101 }],
        shippingAddress: TEST_ADDRESS,
      }),
      "Order total is too large",
    );
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(100);
  });
});

describe("date filters Postgres cannot hold answer 400, not a database error", () => {
  const farPast = new Date(-8.64e15); // the earliest JavaScript date, 271821 BC

  it("order.list and admin.auditLog from/to", async () => {
    await expectFieldRefused(callerAs(t.services, staff).order.list({ from: farPast }), "from");
    await expectFieldRefused(callerAs(t.services, staff).order.list({ to: farPast }), "to");
    await expectFieldRefused(callerAs(t.services, staff).admin.auditLog({ from: farPast }), "from");
  });
});
