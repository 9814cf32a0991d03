import { describe, expect, it } from "vitest";
import { createMugOrder, createTestProduct } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();

describe("admin.search (the console's ⌘K)", () => {
  it("finds orders by number and by the customer's e-mail, products by name, customers by name or e-mail", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const shopper = await createTestUser(t.db, { name: "Wilhelmina Quarry", email: "w.quarry@example.test" });
    const kettle = await createTestProduct(t.db, { name: "Quarrystone Kettle", active: false });
    const order = await createMugOrder(t.db, { userId: shopper.id, productId: kettle.id });
    const search = (q: string) => callerAs(t.services, staff).admin.search({ q });

    const byNumber = await search(`#${order.number}`);
    expect(byNumber.orders.map((o) => o.id)).toEqual([order.id]);
    expect(byNumber.orders[0]).toMatchObject({ customerEmail: "w.quarry@example.test", totalCents: 2899 });
    expect(byNumber.products).toEqual([]);
    expect((await search(String(order.number))).orders.map((o) => o.number)).toEqual([order.number]);

    const byEmail = await search("w.quarry@");
    expect(byEmail.orders.map((o) => o.id)).toEqual([order.id]);
    expect(byEmail.customers.map((c) => c.id)).toEqual([shopper.id]);

    const byWord = await search("quarrystone");
    // Archived products are found too: staff look them up to bring them back.
    expect(byWord.products).toEqual([
      {
        id: kettle.id,
        name: "Quarrystone Kettle",
        slug: kettle.slug,
        imageUrl: null,
        active: false,
        matchedVariant: null,
      },
    ]);

    const byName = await search("wilhelmina");
    expect(byName.customers).toEqual([
      { id: shopper.id, name: "Wilhelmina Quarry", email: "w.quarry@example.test" },
    ]);
    expect(await search("no-such-thing-anywhere")).toEqual({ orders: [], products: [], customers: [] });
    // A number no order can have is simply no result, not an error.
    expect((await search("99999999999")).orders).toEqual([]);
  });

  it("finds products by SKU (any case, a prefix or the whole SKU), the exact SKU first, and says which variant matched", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const search = (q: string) => callerAs(t.services, staff).admin.search({ q });
    const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
    const tee = await callerAs(t.services, staff).product.create({
      name: "Ledger Tee",
      options: [
        { name: "Size", values: ["S", "M"] },
        { name: "Colour", values: ["Black"] },
      ],
      variants: [
        { options: { Size: "S", Colour: "Black" }, priceCents: 2000, sku: `LT${suffix}-S-BLK` },
        { options: { Size: "M", Colour: "Black" }, priceCents: 2200, sku: `LT${suffix}-M-BLK` },
      ],
    });
    const other = await createTestProduct(t.db, { name: "Ledger Mug", sku: `LT${suffix}-M` });
    const medium = tee.variants.find((variant) => variant.title === "M / Black")!;

    const exact = await search(`lt${suffix.toLowerCase()}-m-blk`);
    expect(exact.products).toEqual([
      {
        id: tee.id,
        name: "Ledger Tee",
        slug: tee.slug,
        imageUrl: null,
        active: true,
        matchedVariant: { id: medium.id, sku: `LT${suffix}-M-BLK`, title: "M / Black" },
      },
    ]);
    // A prefix finds each product once; the product whose SKU is exactly the query comes first.
    const prefix = await search(`LT${suffix}-M`);
    expect(prefix.products.map((product) => [product.id, product.matchedVariant?.sku])).toEqual([
      [other.id, `LT${suffix}-M`],
      [tee.id, `LT${suffix}-M-BLK`],
    ]);
    // LIKE wildcards in the query are plain characters.
    expect((await search(`LT${suffix}%`)).products).toEqual([]);
    expect((await search(`LT${suffix}_M`)).products).toEqual([]);
  });

  it("is for staff only, and refuses an empty query with a message", async () => {
    const customer = await createTestUser(t.db);
    await expect(callerAs(t.services, customer).admin.search({ q: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const staff = await createTestUser(t.db, { role: "STAFF" });
    await expect(callerAs(t.services, staff).admin.search({ q: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
