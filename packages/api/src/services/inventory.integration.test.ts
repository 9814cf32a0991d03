import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext({ poolSize: 8 });
let staff: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF", name: "Stock Keeper" });
});

describe("inventory.adjust", () => {
  it("applies a delta or an absolute level, writing the ledger with actor, reason, note and resulting quantity", async () => {
    const product = await createTestProduct(t.db, { stock: 10 });
    const caller = callerAs(t.services, staff);
    expect(
      await caller.inventory.adjust({
        productId: product.id,
        delta: 5,
        reason: "restock",
        note: "Delivery 42",
      }),
    ).toMatchObject({ onHand: 15, delta: 5 });
    expect(
      await caller.inventory.adjust({
        productId: product.id,
        set: 12,
        reason: "adjustment",
        note: "Counted",
      }),
    ).toMatchObject({ onHand: 12, delta: -3 });
    const { movements } = await caller.inventory.movements({ productId: product.id });
    expect(movements.map((m) => [m.delta, m.reason, m.quantityAfter, m.note, m.actor?.name ?? null])).toEqual(
      [
        [-3, "adjustment", 12, "Counted", "Stock Keeper"],
        [5, "restock", 15, "Delivery 42", "Stock Keeper"],
        [10, "restock", 10, null, null],
      ],
    );
    const audit = await t.db.auditLog.findMany({
      where: { entityId: product.id, action: "inventory.adjust" },
    });
    expect(audit).toHaveLength(2);
  });

  it("refuses to go below zero with a 409, changing nothing", async () => {
    const product = await createTestProduct(t.db, { stock: 2 });
    await expect(
      callerAs(t.services, staff).inventory.adjust({
        productId: product.id,
        delta: -3,
        reason: "adjustment",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stock cannot go below zero",
      cause: { details: { onHand: 2, delta: -3 } },
    });
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(2);
  });

  it("refuses an adjustment when the level changed since the caller read it", async () => {
    const product = await createTestProduct(t.db, { stock: 10 });
    const caller = callerAs(t.services, staff);
    const { levels } = await caller.inventory.levels({ q: product.name });
    const read = levels.find((level) => level.productId === product.id)!;
    await caller.inventory.adjust({
      productId: product.id,
      delta: -1,
      reason: "adjustment",
      expectedVersion: read.version,
    });
    await expect(
      caller.inventory.adjust({
        productId: product.id,
        set: 20,
        reason: "restock",
        expectedVersion: read.version,
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stock changed since you read it; review the new level and try again",
      cause: { details: { onHand: 9 } },
    });
  });

  it("keeps every concurrent delta (no lost updates)", async () => {
    const product = await createTestProduct(t.db, { stock: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        callerAs(t.services, staff).inventory.adjust({ productId: product.id, delta: 2, reason: "restock" }),
      ),
    );
    expect(
      (await t.db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: product.id } } })).onHand,
    ).toBe(50);
    expect(await t.db.stockMovement.count({ where: { productId: product.id } })).toBe(25);
  });

  it("refuses sale and cancellation as manual reasons, and unknown products with 404", async () => {
    const product = await createTestProduct(t.db);
    await expect(
      callerAs(t.services, staff).inventory.adjust({
        productId: product.id,
        delta: 1,
        reason: "sale" as never,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerAs(t.services, staff).inventory.adjust({
        productId: "00000000-0000-4000-8000-000000000000",
        delta: 1,
        reason: "restock",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("inventory.levels", () => {
  it("answers a forged cursor with 400, not a database error (regression)", async () => {
    await expect(
      callerAs(t.services, staff).inventory.levels({ cursor: "not-a-cursor" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Invalid cursor" });
    const nonUuid = Buffer.from(JSON.stringify(["name", "Mug", "x"])).toString("base64url");
    await expect(callerAs(t.services, staff).inventory.levels({ cursor: nonUuid })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("filters low stock (at or under each product's threshold) and pages by name", async () => {
    const low = await createTestProduct(t.db, { name: "Aaa Low Item", stock: 3 });
    await createTestProduct(t.db, { name: "Aab Plenty Item", stock: 300 });
    const { levels } = await callerAs(t.services, staff).inventory.levels({ lowStock: true, limit: 100 });
    expect(levels.every((level) => level.onHand <= level.lowStockThreshold && level.low)).toBe(true);
    expect(levels.map((level) => level.productId)).toContain(low.id);
    const first = await callerAs(t.services, staff).inventory.levels({ limit: 1 });
    const second = await callerAs(t.services, staff).inventory.levels({
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.levels[0]!.name >= first.levels[0]!.name).toBe(true);
    expect(second.levels[0]!.productId).not.toBe(first.levels[0]!.productId);
  });
});
