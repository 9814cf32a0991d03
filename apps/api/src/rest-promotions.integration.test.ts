import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpClient } from "./testing/http-client.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// The staff REST routes of discount codes: percent and major units on the wire, ppm and cents inside.

interface RestPromotion {
  id: string;
  code: string;
  type: string;
  value: number | null;
  currency: string;
  minimumSubtotal: number | null;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  timesUsed: number;
  active: boolean;
  appliesTo: { productIds: string[]; categoryIds: string[] };
}
interface RestError {
  error: string;
  details?: unknown;
}

let t: TestApp;
let staff: HttpClient;
let shopper: HttpClient;
let shopperId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ client: staff } = await signedInAs(t, "STAFF"));
  ({
    client: shopper,
    user: { id: shopperId },
  } = await signedInAs(t, "CUSTOMER"));
});
afterAll(() => t.close());

let counter = 0;
function nextCode(prefix = "rest") {
  counter += 1;
  return `${prefix}-${counter}`;
}

async function create(json: Record<string, unknown>) {
  const response = await staff.request<RestPromotion>("POST", "/api/promotions", { json });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** An order that used the code, as the order statement writes it: the redemption and the counter. */
async function usedBy(promotionId: string, totalCents: number, status: "pending" | "cancelled" = "pending") {
  const order = await t.db.order.create({
    data: {
      userId: shopperId,
      status,
      subtotalCents: totalCents + 250,
      discountCents: 250,
      totalCents,
      shipStreet: "1 Test Street",
      shipCity: "Portland",
      shipState: "OR",
      shipZip: "97201",
    },
    select: { id: true },
  });
  await t.db.promotionRedemption.create({
    data: {
      promotionId,
      orderId: order.id,
      userId: shopperId,
      email: "shopper@example.test",
      discountCents: 250,
    },
  });
  await t.db.promotion.update({ where: { id: promotionId }, data: { timesUsed: { increment: 1 } } });
}

describe("POST /api/promotions", () => {
  it("creates a percentage code in percent (201), stored upper-case in ppm", async () => {
    const body = await create({
      code: "summer-12-5",
      description: "Summer",
      type: "percentage",
      value: 12.5,
      minimumSubtotal: 40,
      startsAt: "2026-06-01T00:00:00Z",
      endsAt: "2026-09-01T00:00:00.000+02:00",
      usageLimit: 100,
      perCustomerLimit: 2,
    });
    expect(body).toMatchObject({
      code: "SUMMER-12-5",
      type: "percentage",
      value: 12.5,
      currency: "USD",
      minimumSubtotal: 40,
      startsAt: "2026-06-01T00:00:00.000Z",
      endsAt: "2026-08-31T22:00:00.000Z",
      usageLimit: 100,
      perCustomerLimit: 2,
      timesUsed: 0,
      active: true,
      appliesTo: { productIds: [], categoryIds: [] },
    });
    expect(await t.db.promotion.findUniqueOrThrow({ where: { code: "SUMMER-12-5" } })).toMatchObject({
      percentPpm: 125_000,
      minimumSubtotalCents: 4000,
    });
  });

  it("creates a fixed amount in major units of its currency, and free shipping without a value", async () => {
    const fixed = await create({ code: nextCode(), type: "fixed", value: 7.5 });
    expect(fixed).toMatchObject({ type: "fixed", value: 7.5, currency: "USD" });
    expect((await t.db.promotion.findUniqueOrThrow({ where: { id: fixed.id } })).amountCents).toBe(750);
    const yen = await create({ code: nextCode(), type: "fixed", value: 500, currency: "JPY" });
    expect(yen).toMatchObject({ value: 500, currency: "JPY" });
    expect((await t.db.promotion.findUniqueOrThrow({ where: { id: yen.id } })).amountCents).toBe(500);
    expect(await create({ code: nextCode(), type: "free_shipping" })).toMatchObject({ value: null });
  });

  it("answers 409 naming a taken code", async () => {
    await create({ code: "REST-TAKEN", type: "free_shipping" });
    const response = await staff.request<RestError>("POST", "/api/promotions", {
      json: { code: "rest-taken", type: "free_shipping" },
    });
    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      error: "The code REST-TAKEN is already taken",
      details: { code: "REST-TAKEN" },
    });
  });

  it.each([
    [{ code: "no", type: "free_shipping" }, "code", "Use at least 3 characters"],
    [{ code: "TWO WORDS", type: "free_shipping" }, "code", "Use only letters, digits, - and _"],
    [{ code: "PCT", type: "percentage" }, "value", "Enter the percentage off"],
    [{ code: "PCT", type: "percentage", value: 0 }, "value", "Must be more than zero"],
    [
      { code: "PCT", type: "percentage", value: 100.5 },
      "value",
      "A percentage must be more than 0% and at most 100%",
    ],
    [{ code: "PCT", type: "percentage", value: 12.34567 }, "value", "Use at most four decimals"],
    [{ code: "FIX", type: "fixed", value: 9.999 }, "value", "Use at most two decimals"],
    [{ code: "FIX", type: "fixed", value: 5.5, currency: "JPY" }, "value", "Use a whole amount for JPY"],
    [{ code: "FIX", type: "fixed", value: -1 }, "value", "Must be more than zero"],
    [
      { code: "FIX", type: "fixed", value: 5, minimumSubtotal: 1.001 },
      "minimumSubtotal",
      "Use at most two decimals",
    ],
    [{ code: "SHIP", type: "free_shipping", value: 5 }, "value", "A free-shipping code takes no value"],
    [
      {
        code: "DATES",
        type: "free_shipping",
        startsAt: "2026-02-01T00:00:00Z",
        endsAt: "2026-02-01T00:00:00Z",
      },
      "endsAt",
      "The end must be after the start",
    ],
    [
      { code: "DATES", type: "free_shipping", startsAt: "tomorrow" },
      "startsAt",
      "Use an ISO 8601 date and time, e.g. 2026-12-01T00:00:00Z",
    ],
    [
      { code: "LIMIT", type: "free_shipping", usageLimit: 0 },
      "usageLimit",
      "Allow at least 1 use, or leave it empty for no limit",
    ],
    [{ code: "TYPE", type: "bogo" }, "type", undefined],
  ])("answers 400 for %j naming %s", async (json, path, message) => {
    const response = await staff.request<RestError>("POST", "/api/promotions", { json });
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error).toBe("Invalid request");
    const issues = response.body.details as { path: string; message: string }[];
    expect(issues.map((issue) => issue.path)).toContain(path);
    if (message) expect(issues).toContainEqual({ path, message });
  });

  it("answers 401 to an anonymous caller and 403 to a customer, creating nothing", async () => {
    const json = { code: "NOT-STAFF", type: "free_shipping" };
    const anonymous = await staff.request("POST", "/api/promotions", { json, headers: { cookie: "" } });
    expect(anonymous.status).toBe(401);
    expect((await shopper.request("POST", "/api/promotions", { json })).status).toBe(403);
    expect(await t.db.promotion.count({ where: { code: "NOT-STAFF" } })).toBe(0);
  });
});

describe("GET /api/promotions/{code}", () => {
  it("answers the code (any case) with timesUsed and its usage in major units; cancelled orders only in timesUsed", async () => {
    const promotion = await create({ code: nextCode("used"), type: "fixed", value: 2.5, usageLimit: 10 });
    await usedBy(promotion.id, 1750);
    await usedBy(promotion.id, 4000);
    await usedBy(promotion.id, 999, "cancelled");
    const response = await staff.request<RestPromotion & { usage: unknown }>(
      "GET",
      `/api/promotions/${promotion.code.toLowerCase()}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: promotion.code, timesUsed: 3, usageLimit: 10 });
    expect(response.body.usage).toEqual({
      timesUsed: 3,
      orders: 2,
      cancelledOrders: 1,
      revenue: 57.5,
      discount: 5,
    });
  });

  it("answers 404 for an unknown code, 401 anonymous, 403 to a customer", async () => {
    const missing = await staff.request<RestError>("GET", "/api/promotions/NO-SUCH-CODE");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "Promotion not found", details: { code: "NO-SUCH-CODE" } });
    expect(
      (await staff.request("GET", "/api/promotions/NO-SUCH-CODE", { headers: { cookie: "" } })).status,
    ).toBe(401);
    expect((await shopper.request("GET", "/api/promotions/NO-SUCH-CODE")).status).toBe(403);
  });
});

describe("PATCH /api/promotions/{code}", () => {
  it("deactivates and reactivates a code", async () => {
    const promotion = await create({ code: nextCode("off"), type: "free_shipping" });
    const off = await staff.request<RestPromotion>("PATCH", `/api/promotions/${promotion.code}`, {
      json: { active: false },
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await t.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } })).active).toBe(false);
    const on = await staff.request<RestPromotion>("PATCH", `/api/promotions/${promotion.code}`, {
      json: { active: true },
    });
    expect(on.body.active).toBe(true);
  });

  it("edits in the code's units: percent for a percentage, the stored currency's for a fixed amount; null clears", async () => {
    const pct = await create({
      code: nextCode("pct"),
      type: "percentage",
      value: 10,
      endsAt: "2030-01-01T00:00:00Z",
    });
    const edited = await staff.request<RestPromotion>("PATCH", `/api/promotions/${pct.code}`, {
      json: { value: 33.3333, endsAt: null, minimumSubtotal: 20 },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ value: 33.3333, endsAt: null, minimumSubtotal: 20 });
    expect((await t.db.promotion.findUniqueOrThrow({ where: { id: pct.id } })).percentPpm).toBe(333_333);

    const yen = await create({ code: nextCode("yen"), type: "fixed", value: 300, currency: "JPY" });
    const refused = await staff.request<RestError>("PATCH", `/api/promotions/${yen.code}`, {
      json: { value: 2.5 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: "Invalid request",
      details: [{ path: "value", message: "Use a whole amount for JPY" }],
    });
    const retyped = await staff.request<RestPromotion>("PATCH", `/api/promotions/${yen.code}`, {
      json: { type: "percentage", value: 5 },
    });
    expect(retyped.body).toMatchObject({ type: "percentage", value: 5 });
  });

  it("refuses a usage limit below the uses so far with 409, and a type change without its value with 400", async () => {
    const promotion = await create({ code: nextCode("limit"), type: "free_shipping", usageLimit: 5 });
    await usedBy(promotion.id, 1000);
    await usedBy(promotion.id, 1000);
    const lowered = await staff.request<RestError>("PATCH", `/api/promotions/${promotion.code}`, {
      json: { usageLimit: 1 },
    });
    expect(lowered.status).toBe(409);
    expect(lowered.body.details).toEqual({ code: promotion.code, timesUsed: 2, usageLimit: 1 });
    const retyped = await staff.request<RestError>("PATCH", `/api/promotions/${promotion.code}`, {
      json: { type: "fixed" },
    });
    expect(retyped.status).toBe(400);
    expect(retyped.body.error).toBe("Enter the amount off");
  });

  it("answers 404 for an unknown code, 400 for an empty patch, 403 to a customer", async () => {
    expect(
      (await staff.request("PATCH", "/api/promotions/NO-SUCH", { json: { active: false } })).status,
    ).toBe(404);
    const promotion = await create({ code: nextCode("empty"), type: "free_shipping" });
    expect((await staff.request("PATCH", `/api/promotions/${promotion.code}`, { json: {} })).status).toBe(
      400,
    );
    const refused = await shopper.request("PATCH", `/api/promotions/${promotion.code}`, {
      json: { active: false },
    });
    expect(refused.status).toBe(403);
    expect((await t.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } })).active).toBe(true);
  });
});

describe("GET /api/promotions", () => {
  it("lists newest first in pages, filtered by activity and text", async () => {
    const made = [];
    for (let index = 0; index < 3; index += 1)
      made.push(await create({ code: nextCode("paged"), type: "free_shipping" }));
    await staff.request("PATCH", `/api/promotions/${made[0]!.code}`, { json: { active: false } });
    const first = await staff.request<{ promotions: RestPromotion[]; nextCursor: string | null }>(
      "GET",
      "/api/promotions?q=paged&limit=2&active=true",
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.promotions).toHaveLength(2);
    expect(first.body.nextCursor).toBeNull();
    expect(first.body.promotions.map((row) => row.code).sort()).toEqual(
      [made[1]!.code, made[2]!.code].sort(),
    );
    const inactive = await staff.request<{ promotions: RestPromotion[] }>(
      "GET",
      "/api/promotions?q=paged&active=false",
    );
    expect(inactive.body.promotions.map((row) => row.code)).toEqual([made[0]!.code]);
    const paged = await staff.request<{ promotions: RestPromotion[]; nextCursor: string | null }>(
      "GET",
      "/api/promotions?q=paged&limit=1",
    );
    expect(paged.body.nextCursor).toEqual(expect.any(String));
    expect((await staff.request("GET", "/api/promotions?active=maybe")).status).toBe(400);
    expect((await shopper.request("GET", "/api/promotions")).status).toBe(403);
  });
});
