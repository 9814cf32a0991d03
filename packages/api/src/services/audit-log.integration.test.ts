import { describe, expect, it } from "vitest";
import { createTestProduct } from "../fixtures.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();

describe("admin.auditLog", () => {
  it("names each entry's subject, filters by the actor's name or e-mail, and leaves staff carts out unless asked", async () => {
    const admin = await createTestUser(t.db, {
      role: "ADMIN",
      name: "Auditing Admin",
      email: "aud.admin@example.test",
    });
    const clerk = await createTestUser(t.db, {
      role: "STAFF",
      name: "Clerk Kestrel",
      email: "kestrel@example.test",
    });
    const product = await createTestProduct(t.db, { name: "Audited Ladle", stock: 5 });
    const asClerk = callerAs(t.services, clerk);
    await asClerk.inventory.adjust({ productId: product.id, delta: 2, reason: "restock" });
    await asClerk.cart.add({ productId: product.id, quantity: 1 });
    await callerAs(t.services, admin).staff.setRole({ userId: clerk.id, role: "ADMIN" });

    const list = callerAs(t.services, admin).admin.auditLog;
    const byClerk = await list({ actor: "kestrel" });
    expect(byClerk.entries.map((entry) => entry.action)).toEqual(["inventory.adjust"]);
    expect(byClerk.entries[0]?.subject).toEqual({ kind: "product", id: product.id, label: "Audited Ladle" });
    expect((await list({ actor: "Clerk Kes" })).entries).toHaveLength(1);

    const withCart = await list({ actor: "KESTREL@example", includeCart: true });
    expect(withCart.entries.map((entry) => entry.action).sort()).toEqual(["cart.add", "inventory.adjust"]);

    const byAdmin = await list({ actor: "aud.admin@" });
    expect(byAdmin.entries.map((entry) => [entry.action, entry.subject?.label])).toEqual([
      ["staff.setRole", "kestrel@example.test"],
    ]);
    expect((await list({ actor: "nobody-matches-this" })).entries).toEqual([]);
  });
});
