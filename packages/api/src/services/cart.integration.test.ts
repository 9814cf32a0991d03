import { afterAll, describe, expect, it } from "vitest";
import { createTestProduct } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();

afterAll(async () => {});

describe("server-side cart", () => {
  it("adds, sets quantities, removes and clears, with a subtotal from current prices", async () => {
    const shopper = await createTestUser(t.db);
    const cart = callerAs(t.services, shopper).cart;
    const mug = await createTestProduct(t.db, { priceCents: 1200 });
    const lamp = await createTestProduct(t.db, { priceCents: 4500 });
    expect(await cart.get()).toEqual({ items: [], subtotalCents: 0, itemCount: 0 });
    await cart.add({ productId: mug.id, quantity: 1 });
    await cart.add({ productId: mug.id, quantity: 2 });
    const withLamp = await cart.add({ productId: lamp.id });
    expect(withLamp.items.map((i) => [i.productId, i.quantity])).toEqual([
      [mug.id, 3],
      [lamp.id, 1],
    ]);
    expect(withLamp.subtotalCents).toBe(3 * 1200 + 4500);
    expect((await cart.setQuantity({ productId: mug.id, quantity: 5 })).itemCount).toBe(6);
    expect((await cart.remove({ productId: lamp.id })).items.map((i) => i.productId)).toEqual([mug.id]);
    expect(await cart.clear()).toEqual({ items: [], subtotalCents: 0, itemCount: 0 });
  });

  it("follows the shopper: a second session sees the same cart", async () => {
    const shopper = await createTestUser(t.db);
    const product = await createTestProduct(t.db);
    await callerAs(t.services, shopper, "198.51.100.1").cart.add({ productId: product.id, quantity: 2 });
    expect((await callerAs(t.services, shopper, "198.51.100.2").cart.get()).itemCount).toBe(2);
  });

  it("merges a guest cart at sign-in, adding quantities and skipping products that cannot be bought", async () => {
    const shopper = await createTestUser(t.db);
    const kept = await createTestProduct(t.db);
    const archived = await createTestProduct(t.db, { active: false });
    await callerAs(t.services, shopper).cart.add({ productId: kept.id, quantity: 1 });
    const merged = await callerAs(t.services, shopper).cart.merge({
      items: [
        { productId: kept.id, quantity: 2 },
        { productId: archived.id, quantity: 1 },
        { productId: "00000000-0000-4000-8000-000000000000", quantity: 1 },
      ],
    });
    expect(merged.items.map((i) => [i.productId, i.quantity])).toEqual([[kept.id, 3]]);
  });

  it("refuses products that cannot be bought, and hides lines whose product was archived since", async () => {
    const shopper = await createTestUser(t.db);
    const product = await createTestProduct(t.db);
    const archived = await createTestProduct(t.db, { active: false });
    await expect(callerAs(t.services, shopper).cart.add({ productId: archived.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await callerAs(t.services, shopper).cart.add({ productId: product.id });
    await t.db.product.update({ where: { id: product.id }, data: { active: false } });
    expect((await callerAs(t.services, shopper).cart.get()).items).toEqual([]);
  });
});

describe("defect 4d: concurrent first cart.add calls for a new account collide on cart_userId_key", () => {
  it("many concurrent first adds for a fresh shopper all succeed and their quantities add up", async () => {
    const shopper = await createTestUser(t.db);
    const product = await createTestProduct(t.db);
    const cart = callerAs(t.services, shopper).cart;
    const adds = await Promise.allSettled(
      Array.from({ length: 12 }, () => cart.add({ productId: product.id, quantity: 1 })),
    );
    expect(adds.filter((add) => add.status === "rejected")).toEqual([]);
    expect((await cart.get()).items.map((i) => [i.productId, i.quantity])).toEqual([[product.id, 12]]);
    expect(await t.db.cart.count({ where: { userId: shopper.id } })).toBe(1);
  });
});
