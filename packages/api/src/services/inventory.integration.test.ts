import { createDb, type Db } from "@stockroom/db";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import type { Services } from "../context.ts";
import { createTestProduct } from "../fixtures.ts";
import { callerAs, createTestServices, createTestUser } from "../testing.ts";

let name: string;
let db: Db;
let services: Services;
let staff: SessionUser;

beforeAll(async () => {
  name = await cloneTemplateDatabase();
  db = createDb(databaseUrl(name), { poolSize: 8 });
  services = createTestServices(db);
  staff = await createTestUser(db, { role: "STAFF", name: "Stock Keeper" });
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(name);
});

describe("inventory.adjust", () => {
  it("applies a delta or an absolute level, writing the ledger with actor, reason, note and resulting quantity", async () => {
    const product = await createTestProduct(db, { stock: 10 });
    const caller = callerAs(services, staff);
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
    const audit = await db.auditLog.findMany({ where: { entityId: product.id, action: "inventory.adjust" } });
    expect(audit).toHaveLength(2);
  });

  it("refuses to go below zero with a 409, changing nothing", async () => {
    const product = await createTestProduct(db, { stock: 2 });
    await expect(
      callerAs(services, staff).inventory.adjust({ productId: product.id, delta: -3, reason: "adjustment" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Stock cannot go below zero",
      cause: { details: { onHand: 2, delta: -3 } },
    });
    expect((await db.inventoryLevel.findUniqueOrThrow({ where: { productId: product.id } })).onHand).toBe(2);
  });

  it("refuses an adjustment when the level changed since the caller read it", async () => {
    const product = await createTestProduct(db, { stock: 10 });
    const caller = callerAs(services, staff);
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
    const product = await createTestProduct(db, { stock: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        callerAs(services, staff).inventory.adjust({ productId: product.id, delta: 2, reason: "restock" }),
      ),
    );
    expect((await db.inventoryLevel.findUniqueOrThrow({ where: { productId: product.id } })).onHand).toBe(50);
    expect(await db.stockMovement.count({ where: { productId: product.id } })).toBe(25);
  });

  it("refuses sale and cancellation as manual reasons, and unknown products with 404", async () => {
    const product = await createTestProduct(db);
    await expect(
      callerAs(services, staff).inventory.adjust({
        productId: product.id,
        delta: 1,
        reason: "sale" as never,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerAs(services, staff).inventory.adjust({
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
      callerAs(services, staff).inventory.levels({ cursor: "not-a-cursor" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Invalid cursor" });
    const nonUuid = Buffer.from(JSON.stringify(["name", "Mug", "x"])).toString("base64url");
    await expect(callerAs(services, staff).inventory.levels({ cursor: nonUuid })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("filters low stock (at or under each product's threshold) and pages by name", async () => {
    const low = await createTestProduct(db, { name: "Aaa Low Item", stock: 3 });
    await createTestProduct(db, { name: "Aab Plenty Item", stock: 300 });
    const { levels } = await callerAs(services, staff).inventory.levels({ lowStock: true, limit: 100 });
    expect(levels.every((level) => level.onHand <= level.lowStockThreshold && level.low)).toBe(true);
    expect(levels.map((level) => level.productId)).toContain(low.id);
    const first = await callerAs(services, staff).inventory.levels({ limit: 1 });
    const second = await callerAs(services, staff).inventory.levels({ limit: 1, cursor: first.nextCursor! });
    expect(second.levels[0]!.name >= first.levels[0]!.name).toBe(true);
    expect(second.levels[0]!.productId).not.toBe(first.levels[0]!.productId);
  });
});
