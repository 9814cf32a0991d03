import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

// Redis on, so the catalog cache is real and a stale shopper read would show.
const t = useTestContext({ redis: true });
let staff: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
});

const activeOf = async (ids: string[]) =>
  Object.fromEntries(
    (await t.db.product.findMany({ where: { id: { in: ids } }, select: { id: true, active: true } })).map(
      (row) => [row.id, row.active],
    ),
  );

describe("product.bulkSetArchived", () => {
  it("archives every named product in one call and restores them, auditing each change", async () => {
    const products = await Promise.all(
      ["Bulk Jug", "Bulk Bowl", "Bulk Plate"].map((name) => createTestProduct(t.db, { name })),
    );
    const ids = products.map((product) => product.id);
    const anonymous = callerAs(t.services, null);
    // Cached shopper reads before the change: they must not outlive it.
    expect((await anonymous.product.list({ q: "bulk" })).products).toHaveLength(3);
    await anonymous.product.byId({ id: ids[0]! });

    const archived = await callerAs(t.services, staff).product.bulkSetArchived({ ids, archived: true });
    expect(archived.changed).toBe(3);
    expect(archived.products.map((product) => [product.id, product.active])).toEqual(
      ids.map((id) => [id, false]),
    );
    expect(await activeOf(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, false])));
    expect((await anonymous.product.list({ q: "bulk" })).products).toHaveLength(0);
    await expect(anonymous.product.byId({ id: ids[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const restored = await callerAs(t.services, staff).product.bulkSetArchived({ ids, archived: false });
    expect(restored.changed).toBe(3);
    expect(await activeOf(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, true])));
    expect((await anonymous.product.list({ q: "bulk" })).products).toHaveLength(3);

    const audit = await t.db.auditLog.findMany({
      where: { entity: "product", entityId: { in: ids } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit).toHaveLength(6);
    for (const id of ids) {
      const rows = audit.filter((row) => row.entityId === id);
      expect(rows.map((row) => row.action)).toEqual(["product.archive", "product.unarchive"]);
      expect(rows[0]).toMatchObject({
        actorId: staff.id,
        before: expect.objectContaining({ active: true }),
        after: expect.objectContaining({ active: false }),
      });
    }
  });

  it("is idempotent: products already as asked stay so, and are not audited again", async () => {
    const done = await createTestProduct(t.db, { name: "Already Archived", active: false });
    const other = await createTestProduct(t.db, { name: "Still Active" });
    const ids = [done.id, other.id];
    const first = await callerAs(t.services, staff).product.bulkSetArchived({ ids, archived: true });
    expect(first).toMatchObject({ changed: 1, changedIds: [other.id] });
    const again = await callerAs(t.services, staff).product.bulkSetArchived({
      ids: [...ids, other.id],
      archived: true,
    });
    expect(again.changed).toBe(0);
    expect(again.products.map((product) => product.active)).toEqual([false, false]);
    expect(await activeOf(ids)).toEqual({ [done.id]: false, [other.id]: false });
    const audited = await t.db.auditLog.findMany({
      where: { entity: "product", entityId: { in: ids } },
      select: { entityId: true, action: true },
    });
    expect(audited).toEqual([{ entityId: other.id, action: "product.archive" }]);
  });

  it("refuses more than 100 products with a 400, and changes nothing", async () => {
    const product = await createTestProduct(t.db, { name: "Too Many Friends" });
    const ids = [product.id, ...Array.from({ length: 100 }, () => randomUUID())];
    await expect(
      callerAs(t.services, staff).product.bulkSetArchived({ ids, archived: true }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("At most 100 products"),
    });
    await expect(
      callerAs(t.services, staff).product.bulkSetArchived({ ids: [], archived: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await activeOf([product.id])).toEqual({ [product.id]: true });
  });

  it("answers an unknown id with 404 naming it, and archives none of the others", async () => {
    const product = await createTestProduct(t.db, { name: "Lonely Lamp" });
    const unknown = randomUUID();
    const call = callerAs(t.services, staff).product.bulkSetArchived({
      ids: [product.id, unknown],
      archived: true,
    });
    await expect(call).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `Product ${unknown} not found`,
      cause: expect.objectContaining({ details: { productIds: [unknown] } }),
    });
    expect(await activeOf([product.id])).toEqual({ [product.id]: true });
    expect(await t.db.auditLog.count({ where: { entityId: product.id } })).toBe(0);
  });

  it("is for staff only", async () => {
    const product = await createTestProduct(t.db);
    const shopper = await createTestUser(t.db);
    await expect(
      callerAs(t.services, shopper).product.bulkSetArchived({ ids: [product.id], archived: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
