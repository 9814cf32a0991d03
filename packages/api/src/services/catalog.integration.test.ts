import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();
let staff: SessionUser;
let kitchenId: string;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  const kitchen = await t.db.category.create({ data: { slug: "kitchen", name: "Kitchen", position: 1 } });
  const garden = await t.db.category.create({ data: { slug: "garden", name: "Garden", position: 0 } });
  kitchenId = kitchen.id;
  const day = 86_400_000;
  const base = Date.parse("2026-01-01T00:00:00Z");
  await createTestProduct(t.db, {
    name: "Copper Kettle",
    slug: "copper-kettle",
    priceCents: 5900,
    stock: 4,
    categoryId: kitchen.id,
    description: "Whistling stovetop kettle",
    createdAt: new Date(base + 1 * day),
  });
  await createTestProduct(t.db, {
    name: "Cast Iron Skillet",
    slug: "cast-iron-skillet",
    priceCents: 3900,
    stock: 0,
    categoryId: kitchen.id,
    description: "Pre-seasoned skillet",
    createdAt: new Date(base + 2 * day),
  });
  await createTestProduct(t.db, {
    name: "Bamboo Spoon",
    slug: "bamboo-spoon",
    priceCents: 700,
    stock: 50,
    categoryId: kitchen.id,
    createdAt: new Date(base + 3 * day),
  });
  await createTestProduct(t.db, {
    name: "Watering Can",
    slug: "watering-can",
    priceCents: 2400,
    stock: 8,
    categoryId: garden.id,
    description: "Galvanised steel can",
    createdAt: new Date(base + 4 * day),
  });
  await createTestProduct(t.db, {
    name: "Archived Trowel",
    slug: "archived-trowel",
    priceCents: 1500,
    stock: 3,
    categoryId: garden.id,
    active: false,
    createdAt: new Date(base + 5 * day),
  });
});

const anonymous = () => callerAs(t.services, null);
const slugs = (page: { products: { slug: string }[] }) => page.products.map((p) => p.slug);

describe("product.list", () => {
  it("lists active products newest first with stock and category, hiding archived ones", async () => {
    const page = await anonymous().product.list({});
    expect(slugs(page)).toEqual(["watering-can", "bamboo-spoon", "cast-iron-skillet", "copper-kettle"]);
    expect(page.products[3]).toMatchObject({
      stock: 4,
      priceCents: 5900,
      currency: "USD",
      category: { slug: "kitchen", name: "Kitchen" },
    });
    expect(page.nextCursor).toBeNull();
  });

  it("sorts by price both ways and by name", async () => {
    expect(slugs(await anonymous().product.list({ sort: "price_asc" }))).toEqual([
      "bamboo-spoon",
      "watering-can",
      "cast-iron-skillet",
      "copper-kettle",
    ]);
    expect(slugs(await anonymous().product.list({ sort: "price_desc" }))).toEqual([
      "copper-kettle",
      "cast-iron-skillet",
      "watering-can",
      "bamboo-spoon",
    ]);
    expect(slugs(await anonymous().product.list({ sort: "name" }))).toEqual([
      "bamboo-spoon",
      "cast-iron-skillet",
      "copper-kettle",
      "watering-can",
    ]);
  });

  it.each(["newest", "price_asc", "price_desc", "name"] as const)(
    "pages through every product exactly once sorted by %s",
    async (sort) => {
      const all = slugs(await anonymous().product.list({ sort, limit: 100 }));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await anonymous().product.list({ sort, limit: 1, cursor });
        seen.push(...slugs(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    },
  );

  it("filters by category, price range and stock", async () => {
    expect(slugs(await anonymous().product.list({ category: "garden" }))).toEqual(["watering-can"]);
    expect(
      slugs(await anonymous().product.list({ minPriceCents: 2400, maxPriceCents: 3900, sort: "price_asc" })),
    ).toEqual(["watering-can", "cast-iron-skillet"]);
    expect(slugs(await anonymous().product.list({ inStock: true, category: "kitchen" }))).toEqual([
      "bamboo-spoon",
      "copper-kettle",
    ]);
  });

  it("searches names and descriptions with Postgres full-text search", async () => {
    expect(slugs(await anonymous().product.list({ q: "kettle" }))).toEqual(["copper-kettle"]);
    expect(slugs(await anonymous().product.list({ q: "galvanised" }))).toEqual(["watering-can"]);
    expect(slugs(await anonymous().product.list({ q: "skillets" }))).toEqual(["cast-iron-skillet"]);
    expect(slugs(await anonymous().product.list({ q: "trowel" }))).toEqual([]);
  });

  it("refuses a cursor from another sort or a forged one", async () => {
    const page = await anonymous().product.list({ sort: "name", limit: 1 });
    await expect(
      anonymous().product.list({ sort: "price_asc", cursor: page.nextCursor! }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Invalid cursor" });
    await expect(anonymous().product.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("shows archived products to staff only when asked", async () => {
    expect(
      slugs(await callerAs(t.services, staff).product.list({ includeArchived: true, category: "garden" })),
    ).toEqual(["archived-trowel", "watering-can"]);
    expect(slugs(await anonymous().product.list({ includeArchived: true, category: "garden" }))).toEqual([
      "watering-can",
    ]);
  });
});

describe("product details", () => {
  it("finds a product by id and by slug, and answers 404 for archived or unknown ones", async () => {
    const bySlug = await anonymous().product.bySlug({ slug: "copper-kettle" });
    expect(bySlug).toMatchObject({ name: "Copper Kettle", stock: 4 });
    expect(await anonymous().product.byId({ id: bySlug.id })).toEqual(bySlug);
    await expect(anonymous().product.bySlug({ slug: "archived-trowel" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Product not found",
    });
    await expect(
      anonymous().product.byId({ id: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await callerAs(t.services, staff).product.bySlug({ slug: "archived-trowel" })).toMatchObject({
      active: false,
    });
  });

  it("lists categories in display order", async () => {
    expect((await anonymous().product.categories()).map((c) => c.slug)).toEqual(["garden", "kitchen"]);
  });
});

describe("product administration", () => {
  it("creates a product with a generated slug, stock and an opening ledger row", async () => {
    const product = await callerAs(t.services, staff).product.create({
      name: "Enamel Mug — Large",
      priceCents: 1800,
      categoryId: kitchenId,
      stock: 12,
    });
    expect(product).toMatchObject({
      slug: "enamel-mug-large",
      stock: 12,
      active: true,
      category: { slug: "kitchen" },
    });
    expect(await t.db.stockMovement.findMany({ where: { productId: product.id } })).toMatchObject([
      { delta: 12, reason: "restock", actorId: staff.id, quantityAfter: 12 },
    ]);
    await expect(
      callerAs(t.services, staff)
        .product.create({ name: "Enamel Mug: Large", priceCents: 1 })
        .catch((e) => Promise.reject(e)),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A product with this slug already exists",
    });
    await expect(
      callerAs(t.services, staff).product.create({
        name: "Ghost",
        priceCents: 1,
        categoryId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Category not found",
    });
  });

  it("updates, archives and unarchives, auditing each with before and after", async () => {
    const created = await callerAs(t.services, staff).product.create({
      name: "Linen Apron",
      priceCents: 3200,
    });
    const updated = await callerAs(t.services, staff).product.update({
      id: created.id,
      patch: { priceCents: 2900, description: "Stonewashed linen" },
    });
    expect(updated).toMatchObject({ priceCents: 2900, description: "Stonewashed linen" });
    await callerAs(t.services, staff).product.archive({ id: created.id });
    await expect(anonymous().product.byId({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerAs(t.services, staff).product.unarchive({ id: created.id });
    expect(await anonymous().product.byId({ id: created.id })).toMatchObject({ active: true });
    const audit = await t.db.auditLog.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual([
      "product.create",
      "product.update",
      "product.archive",
      "product.unarchive",
    ]);
    expect(audit[1]).toMatchObject({
      before: expect.objectContaining({ priceCents: 3200 }),
      after: expect.objectContaining({ priceCents: 2900 }),
    });
  });

  it("changes only the fields a patch names (regression: defaults in the patch schema reset others)", async () => {
    const created = await callerAs(t.services, staff).product.create({
      name: "Wool Throw",
      priceCents: 8900,
      description: "Merino",
      lowStockThreshold: 9,
      currency: "EUR",
    });
    const updated = await callerAs(t.services, staff).product.update({
      id: created.id,
      patch: { priceCents: 7900 },
    });
    expect(updated).toMatchObject({
      priceCents: 7900,
      description: "Merino",
      lowStockThreshold: 9,
      currency: "EUR",
      name: "Wool Throw",
    });
  });

  it("refuses bad input with field issues", async () => {
    await expect(
      callerAs(t.services, staff).product.create({ name: "", priceCents: -5 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerAs(t.services, staff).product.update({ id: kitchenId, patch: {} }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
