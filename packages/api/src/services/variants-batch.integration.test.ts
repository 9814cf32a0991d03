import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

// product.updateVariants (the admin's variants grid): many variants of one product changed in one
// transaction, all or nothing. A swap of SKUs used to fail: each single update met the other's SKU on
// the unique index before the other had moved.

const t = useTestContext({ poolSize: 10 });
let staff: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
});

let counter = 0;
/** A hoodie in S/M/L: three variants with SKUs made from its slug. */
async function createHoodie() {
  counter += 1;
  return callerAs(t.services, staff).product.create({
    name: `Batch Hoodie ${counter}`,
    slug: `batch-hoodie-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    options: [{ name: "Size", values: ["S", "M", "L"] }],
    variants: ["S", "M", "L"].map((size) => ({ options: { Size: size }, priceCents: 4000, stock: 2 })),
  });
}

const stored = async (productId: string) =>
  t.db.productVariant.findMany({
    where: { productId },
    orderBy: { position: "asc" },
    select: { id: true, sku: true, option1: true, priceCents: true, active: true },
  });

describe("product.updateVariants", () => {
  it("swaps the SKUs of two variants in one call, with other changes, and tells the audit log once", async () => {
    const hoodie = await createHoodie();
    const [s, m] = hoodie.variants;
    const after = await callerAs(t.services, staff).product.updateVariants({
      productId: hoodie.id,
      variants: [
        { id: s!.id, patch: { sku: m!.sku, priceCents: 4200 } },
        { id: m!.id, patch: { sku: s!.sku } },
      ],
    });
    expect(after.variants.map((variant) => [variant.title, variant.sku, variant.priceCents])).toEqual([
      ["S", m!.sku, 4200],
      ["M", s!.sku, 4000],
      ["L", hoodie.variants[2]!.sku, 4000],
    ]);
    expect([after.priceCents, after.maxPriceCents]).toEqual([4000, 4200]);
    const audit = await t.db.auditLog.findMany({ where: { entityId: hoodie.id, action: "product.update" } });
    expect(audit).toHaveLength(1);
  });

  it("cycles three SKUs, and swaps two combinations, in one call each", async () => {
    const hoodie = await createHoodie();
    const [s, m, l] = hoodie.variants;
    const caller = callerAs(t.services, staff).product;
    await caller.updateVariants({
      productId: hoodie.id,
      variants: [
        { id: s!.id, patch: { sku: m!.sku } },
        { id: m!.id, patch: { sku: l!.sku } },
        { id: l!.id, patch: { sku: s!.sku } },
      ],
    });
    expect((await stored(hoodie.id)).map((variant) => variant.sku)).toEqual([m!.sku, l!.sku, s!.sku]);
    const swapped = await caller.updateVariants({
      productId: hoodie.id,
      variants: [
        { id: s!.id, patch: { options: { Size: "L" } } },
        { id: l!.id, patch: { options: { Size: "S" } } },
      ],
    });
    expect(swapped.variants.map((variant) => [variant.id, variant.title])).toEqual([
      [s!.id, "L"],
      [m!.id, "M"],
      [l!.id, "S"],
    ]);
  });

  it("refuses a SKU another product has with a 409 naming it, and changes nothing", async () => {
    const hoodie = await createHoodie();
    const other = await createHoodie();
    const [s, m, l] = hoodie.variants;
    const taken = other.variants[1]!.sku;
    const before = await stored(hoodie.id);
    const refusal = callerAs(t.services, staff).product.updateVariants({
      productId: hoodie.id,
      variants: [
        { id: s!.id, patch: { sku: m!.sku, priceCents: 100 } },
        { id: m!.id, patch: { sku: s!.sku, active: false } },
        { id: l!.id, patch: { sku: taken } },
      ],
    });
    await expect(refusal).rejects.toMatchObject({
      code: "CONFLICT",
      message: `SKU ${taken} is already in use`,
      cause: { details: { skus: [taken] } },
    });
    expect(await stored(hoodie.id)).toEqual(before);
  });

  it("refuses two variants left with one SKU or one combination (409 naming it), and a bad value (400)", async () => {
    const hoodie = await createHoodie();
    const [s, m, l] = hoodie.variants;
    const caller = callerAs(t.services, staff).product;
    const before = await stored(hoodie.id);
    await expect(
      caller.updateVariants({
        productId: hoodie.id,
        variants: [
          { id: s!.id, patch: { sku: l!.sku, priceCents: 100 } },
          { id: m!.id, patch: { priceCents: 100 } },
        ],
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { skus: [l!.sku] } } });
    await expect(
      caller.updateVariants({
        productId: hoodie.id,
        variants: [{ id: m!.id, patch: { options: { Size: "S" }, priceCents: 100 } }],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The product already has a S variant",
      cause: { details: { combinations: ["S"] } },
    });
    await expect(
      caller.updateVariants({
        productId: hoodie.id,
        variants: [
          { id: s!.id, patch: { priceCents: 100 } },
          { id: m!.id, patch: { options: { Size: "XXL" } } },
        ],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: '"XXL" is not a value of Size',
      cause: { details: { problems: [{ path: ["variants", 1, "options", "Size"] }] } },
    });
    await expect(
      caller.updateVariants({
        productId: hoodie.id,
        variants: [
          { id: s!.id, patch: { priceCents: 100 } },
          { id: s!.id, patch: { priceCents: 200 } },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stored(hoodie.id)).toEqual(before);
  });

  it("refuses a variant of another product (404 naming it) and changes nothing", async () => {
    const hoodie = await createHoodie();
    const other = await createHoodie();
    const before = await stored(hoodie.id);
    await expect(
      callerAs(t.services, staff).product.updateVariants({
        productId: hoodie.id,
        variants: [
          { id: hoodie.variants[0]!.id, patch: { priceCents: 100 } },
          { id: other.variants[0]!.id, patch: { priceCents: 100 } },
        ],
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      cause: { details: { variantId: other.variants[0]!.id, productId: hoodie.id } },
    });
    expect(await stored(hoodie.id)).toEqual(before);
    expect((await stored(other.id))[0]!.priceCents).toBe(4000);
  });

  it("lets two staff save swaps of one product's SKUs at once: both answer, one after the other, no 500", async () => {
    const hoodie = await createHoodie();
    const [s, m, l] = hoodie.variants;
    const caller = callerAs(t.services, staff).product;
    const results = await Promise.allSettled([
      caller.updateVariants({
        productId: hoodie.id,
        variants: [
          { id: s!.id, patch: { sku: m!.sku } },
          { id: m!.id, patch: { sku: s!.sku } },
        ],
      }),
      caller.updateVariants({
        productId: hoodie.id,
        variants: [
          { id: m!.id, patch: { sku: l!.sku } },
          { id: l!.id, patch: { sku: m!.sku } },
        ],
      }),
      caller.updateVariants({
        productId: hoodie.id,
        variants: [{ id: l!.id, patch: { priceCents: 4100 } }],
      }),
    ]);
    // Each ran on what the one before it left: a swap that now leaves two variants one SKU is a 409.
    for (const result of results)
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    const skus = (await stored(hoodie.id)).map((variant) => variant.sku);
    expect(new Set(skus)).toEqual(new Set([s!.sku, m!.sku, l!.sku]));
    expect((await stored(hoodie.id))[2]!.priceCents).toBe(4100);
  });

  it("keeps product.updateVariant as it was: one variant, the same 409s", async () => {
    const hoodie = await createHoodie();
    const [s, m] = hoodie.variants;
    const caller = callerAs(t.services, staff).product;
    await expect(caller.updateVariant({ id: s!.id, patch: { sku: m!.sku } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `SKU ${m!.sku} is already in use`,
    });
    const renamed = await caller.updateVariant({ id: s!.id, patch: { sku: `${s!.sku}-NEW` } });
    expect(renamed.variants[0]!.sku).toBe(`${s!.sku}-NEW`);
  });
});
