import { describe, expect, it } from "vitest";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { MAX_ADDRESSES_PER_USER } from "../schemas/address.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();

const HOME = { street: "1 Home Road", city: "Portland", state: "OR", zip: "97201", country: "US" };
const OFFICE = { street: "200 Work Ave", city: "Seattle", state: "WA", zip: "98101", country: "US" };

async function shopper() {
  const user = await createTestUser(t.db);
  return { user, api: callerAs(t.services, user).auth.addresses };
}

describe("address book", () => {
  it("creates, lists (default first), edits, moves the default and deletes", async () => {
    const { api } = await shopper();
    expect(await api.list()).toEqual([]);
    const home = await api.create({ ...HOME, label: "Home" });
    // The first address is the default, whether asked or not.
    expect(home).toMatchObject({ ...HOME, label: "Home", isDefault: true });
    const office = await api.create({ ...OFFICE, country: "us", label: "" });
    expect(office).toMatchObject({ ...OFFICE, country: "US", label: null, isDefault: false });
    expect((await api.list()).map((a) => [a.id, a.isDefault])).toEqual([
      [home.id, true],
      [office.id, false],
    ]);

    await api.setDefault({ id: office.id });
    expect((await api.list()).map((a) => [a.id, a.isDefault])).toEqual([
      [office.id, true],
      [home.id, false],
    ]);

    const edited = await api.update({ id: home.id, ...HOME, street: "2 Home Road", label: "Old home" });
    expect(edited).toMatchObject({ street: "2 Home Road", label: "Old home", isDefault: false });
    const madeDefault = await api.update({ id: home.id, ...HOME, isDefault: true });
    expect(madeDefault.isDefault).toBe(true);
    expect((await api.list()).filter((a) => a.isDefault).map((a) => a.id)).toEqual([home.id]);

    // Deleting the default hands it to the address left.
    expect(await api.remove({ id: home.id })).toEqual({ id: home.id, newDefaultId: office.id });
    expect((await api.list()).map((a) => [a.id, a.isDefault])).toEqual([[office.id, true]]);
    expect(await api.remove({ id: office.id })).toEqual({ id: office.id, newDefaultId: null });
    expect(await api.list()).toEqual([]);
  });

  it("creating with isDefault moves the default", async () => {
    const { api } = await shopper();
    const home = await api.create(HOME);
    const office = await api.create({ ...OFFICE, isDefault: true });
    expect(office.isDefault).toBe(true);
    expect((await api.list()).find((a) => a.id === home.id)?.isDefault).toBe(false);
  });

  it("refuses the same address twice (spaces and case aside) with a 409", async () => {
    const { api } = await shopper();
    const home = await api.create(HOME);
    await expect(api.create({ ...HOME, street: "  1 home   ROAD ", city: "portland" })).rejects.toMatchObject(
      { code: "CONFLICT", message: "This address is already in your address book" },
    );
    const office = await api.create(OFFICE);
    await expect(api.update({ id: office.id, ...HOME })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await api.list()).map((a) => a.id).sort()).toEqual([home.id, office.id].sort());
  });

  it("another user's address is a 404 for every change, and never listed", async () => {
    const owner = await shopper();
    const other = await shopper();
    const home = await owner.api.create(HOME);
    expect(await other.api.list()).toEqual([]);
    for (const attempt of [
      () => other.api.update({ id: home.id, ...OFFICE }),
      () => other.api.setDefault({ id: home.id }),
      () => other.api.remove({ id: home.id }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Address not found" });
    }
    await expect(other.api.remove({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await owner.api.list()).toMatchObject([{ id: home.id, ...HOME, isDefault: true }]);
  });

  it(`keeps at most ${MAX_ADDRESSES_PER_USER} addresses, refusing one more with a 400 naming the limit`, async () => {
    const { api } = await shopper();
    // Concurrent creates cannot pass the limit together (they take the book's lock).
    await Promise.all(
      Array.from({ length: MAX_ADDRESSES_PER_USER }, (_, i) =>
        api.create({ ...HOME, street: `${i} Home Road` }),
      ),
    );
    await expect(api.create(OFFICE)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `You can keep at most ${MAX_ADDRESSES_PER_USER} addresses. Delete one to add another.`,
    });
    const book = await api.list();
    expect(book).toHaveLength(MAX_ADDRESSES_PER_USER);
    expect(book.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it("refuses invalid input with the shipping address's own messages", async () => {
    const { api } = await shopper();
    await expect(api.create({ ...HOME, country: "USA" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Use a two-letter country code such as US"),
    });
    await expect(api.create({ ...HOME, zip: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Enter the postal code"),
    });
    await expect(api.create({ ...HOME, label: "x".repeat(51) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("needs a session", async () => {
    await expect(callerAs(t.services, null).auth.addresses.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("placing an order saves its address", () => {
  it("adds a new address (the default when the book has none), and never twice", async () => {
    const { user, api } = await shopper();
    const orders = callerAs(t.services, user).order;
    const product = await createTestProduct(t.db, { stock: 10 });
    const line = [{ productId: product.id, quantity: 1 }];
    await orders.create({ items: line, shippingAddress: TEST_ADDRESS });
    expect(await api.list()).toMatchObject([{ ...TEST_ADDRESS, label: null, isDefault: true }]);

    // The same address, spelled differently: still one entry, spelled as first saved.
    await orders.create({ items: line, shippingAddress: { ...TEST_ADDRESS, street: "1 TEST  street" } });
    expect(await api.list()).toMatchObject([{ street: TEST_ADDRESS.street }]);

    // A new address joins the book without taking the default.
    await orders.create({ items: line, shippingAddress: OFFICE });
    const book = await api.list();
    expect(book.map((a) => [a.street, a.isDefault])).toEqual([
      [TEST_ADDRESS.street, true],
      [OFFICE.street, false],
    ]);
  });

  it("a refused order saves nothing, and a full book is left alone without failing the order", async () => {
    const { user, api } = await shopper();
    const orders = callerAs(t.services, user).order;
    const product = await createTestProduct(t.db, { stock: 1 });
    await expect(
      orders.create({ items: [{ productId: product.id, quantity: 2 }], shippingAddress: HOME }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Insufficient inventory" });
    expect(await api.list()).toEqual([]);

    for (let i = 0; i < MAX_ADDRESSES_PER_USER; i += 1)
      await api.create({ ...HOME, street: `${i} Full Road` });
    const placed = await orders.create({
      items: [{ productId: product.id, quantity: 1 }],
      shippingAddress: OFFICE,
    });
    expect(placed.shippingAddress).toMatchObject(OFFICE);
    const book = await api.list();
    expect(book).toHaveLength(MAX_ADDRESSES_PER_USER);
    expect(book.some((a) => a.street === OFFICE.street)).toBe(false);
  });

  it("concurrent first orders of one shopper to different addresses all succeed, leaving one default", async () => {
    const { user, api } = await shopper();
    const orders = callerAs(t.services, user).order;
    const product = await createTestProduct(t.db, { stock: 20 });
    const placed = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        orders.create({
          items: [{ productId: product.id, quantity: 1 }],
          shippingAddress: { ...HOME, street: `${i} Race Road` },
        }),
      ),
    );
    expect(placed).toHaveLength(6);
    const book = await api.list();
    expect(book.length).toBeGreaterThan(0);
    expect(book.filter((a) => a.isDefault)).toHaveLength(1);
  });
});
