import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContextInner } from "./context.ts";
import { restRouter } from "./rest/router.ts";
import { setAccountActive, setAccountRole } from "./services/staff.ts";
import { callerAs, createTestUser, useTestContext } from "./testing.ts";
import { createCallerFactory, createTRPCRouter, customerProcedure, staffProcedure } from "./trpc.ts";

const t = useTestContext();

afterAll(async () => {});

// A router made only for this test, built from the real base procedures and middleware.
const probeRouter = createTRPCRouter({
  createCategory: staffProcedure
    .input(z.object({ slug: z.string(), fail: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const category = await ctx.db.category.create({ data: { slug: input.slug, name: input.slug } });
      if (input.fail) throw new Error("something broke after the write");
      return category;
    }),
  touchAsCustomer: customerProcedure.mutation(({ ctx }) =>
    ctx.db.user.update({ where: { id: ctx.user.id }, data: { name: "Touched" } }),
  ),
});
const probe = createCallerFactory(probeRouter);

describe("audit log", () => {
  it("records a staff mutation with actor, action, entity, id, before/after, request id and IP", async () => {
    const admin = await createTestUser(t.db, { role: "ADMIN" });
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const caller = callerAs(t.services, admin, "198.51.100.4");
    await caller.staff.setRole({ userId: staff.id, role: "ADMIN" });

    const rows = await t.db.auditLog.findMany({ where: { action: "staff.setRole", entityId: staff.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      entity: "user",
      ip: "198.51.100.4",
      before: expect.objectContaining({ role: "STAFF" }),
      after: expect.objectContaining({ role: "ADMIN" }),
    });
    expect(rows[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records what a procedure did not describe itself, from its path and result", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const created = await probe(createContextInner(t.services, { user: staff })).createCategory({
      slug: "lamps",
      fail: false,
    });
    const row = await t.db.auditLog.findFirstOrThrow({ where: { action: "createCategory" } });
    expect(row).toMatchObject({
      actorId: staff.id,
      entityId: created.id,
      after: expect.objectContaining({ slug: "lamps" }),
    });
  });

  it("rolls the audit row back with the change when the mutation fails after writing", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const before = await t.db.auditLog.count();
    await expect(
      probe(createContextInner(t.services, { user: staff })).createCategory({ slug: "doomed", fail: true }),
    ).rejects.toThrow();
    expect(await t.db.category.count({ where: { slug: "doomed" } })).toBe(0);
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it("does not audit a customer's own mutations", async () => {
    const customer = await createTestUser(t.db, { role: "CUSTOMER" });
    const before = await t.db.auditLog.count();
    await probe(createContextInner(t.services, { user: customer })).touchAsCustomer();
    expect(await t.db.auditLog.count()).toBe(before);
  });
});

describe("own account", () => {
  it("an admin can neither demote nor deactivate themselves, and the refused attempt leaves no trace", async () => {
    await createTestUser(t.db, { role: "ADMIN" });
    const admin = await createTestUser(t.db, { role: "ADMIN" });
    const caller = callerAs(t.services, admin);
    const before = await t.db.auditLog.count();
    await expect(caller.staff.setRole({ userId: admin.id, role: "STAFF" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot demote your own account",
    });
    await expect(caller.staff.setActive({ userId: admin.id, active: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot deactivate your own account",
    });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect({ role: stored.role, active: stored.active }).toEqual({ role: "ADMIN", active: true });
    expect(await t.db.auditLog.count()).toBe(before);
    // Keeping one's own rights is no change and allowed.
    await expect(caller.staff.setRole({ userId: admin.id, role: "ADMIN" })).resolves.toMatchObject({
      role: "ADMIN",
    });
    await expect(caller.staff.setActive({ userId: admin.id, active: true })).resolves.toMatchObject({
      active: true,
    });
  });
});

describe("last admin", () => {
  it("can never be demoted or deactivated, and the refused attempt leaves no trace", async () => {
    await t.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STAFF" } });
    const admin = await createTestUser(t.db, { role: "ADMIN" });
    const before = await t.db.auditLog.count();
    // Only the last admin could ask through the console (and is refused for their own account, above);
    // the rule holds for any caller of the service, a script acting as the shop included.
    await expect(setAccountRole(t.db, admin.id, "STAFF")).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The last active admin cannot be demoted",
    });
    await expect(setAccountActive(t.db, admin.id, false)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The last active admin cannot be deactivated",
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it("survives two admins demoting each other at the same moment: exactly one succeeds", async () => {
    await t.db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STAFF" } });
    const first = await createTestUser(t.db, { role: "ADMIN" });
    const second = await createTestUser(t.db, { role: "ADMIN" });
    const results = await Promise.allSettled([
      callerAs(t.services, first).staff.setRole({ userId: second.id, role: "STAFF" }),
      callerAs(t.services, second).staff.setRole({ userId: first.id, role: "STAFF" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(await t.db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});

describe("staff accounts", () => {
  it("are created by an admin with a password that signs in, and a duplicate email is a conflict", async () => {
    const admin = await createTestUser(t.db, { role: "ADMIN" });
    const caller = callerAs(t.services, admin);
    const account = await caller.staff.create({
      email: "New.Staff@Example.test",
      name: "New Staff",
      password: "staff-password-1",
      role: "STAFF",
    });
    expect(account).toMatchObject({ email: "new.staff@example.test", role: "STAFF", active: true });
    await expect(
      caller.staff.create({
        email: "new.staff@example.test",
        name: "Again",
        password: "staff-password-1",
        role: "STAFF",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const list = await caller.staff.list();
    expect(list.map((user) => user.email)).toContain("new.staff@example.test");
  });
});

describe("defect 11: audit gaps", () => {
  const rowsOf = (actorId: string, action: string) =>
    t.db.auditLog.findMany({ where: { actorId, action }, orderBy: { createdAt: "asc" } });

  it("records a signed-in user's refused call to a staff or admin procedure, though the call fails", async () => {
    const customer = await createTestUser(t.db);
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const target = await createTestUser(t.db, { role: "STAFF" });
    await expect(callerAs(t.services, customer, "198.51.100.11").admin.dashboard()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerAs(t.services, customer, "198.51.100.11").inventory.adjust({
        productId: "00000000-0000-4000-8000-000000000000",
        delta: 5,
        reason: "restock",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(t.services, staff, "198.51.100.12").staff.setRole({ userId: target.id, role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await rowsOf(customer.id, "access.denied")).toMatchObject([
      {
        entity: "procedure",
        entityId: "admin.dashboard",
        ip: "198.51.100.11",
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        after: { outcome: "denied", code: "FORBIDDEN", required: "STAFF", role: "CUSTOMER", type: "query" },
      },
      {
        entityId: "inventory.adjust",
        after: { outcome: "denied", required: "STAFF", role: "CUSTOMER", type: "mutation" },
      },
    ]);
    expect(await rowsOf(staff.id, "access.denied")).toMatchObject([
      {
        entityId: "staff.setRole",
        ip: "198.51.100.12",
        after: { outcome: "denied", code: "FORBIDDEN", required: "ADMIN", role: "STAFF", type: "mutation" },
      },
    ]);
    // The refused change itself left nothing behind.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("STAFF");
    expect(await t.db.auditLog.count({ where: { action: "staff.setRole", entityId: target.id } })).toBe(0);
  });

  it("records a refused REST call the same way, naming the surface", async () => {
    const customer = await createTestUser(t.db);
    const rest = createCallerFactory(restRouter)(
      createContextInner(t.services, { user: customer, surface: "rest", ip: "198.51.100.15" }),
    );
    await expect(rest.createProduct({ name: "Sneaky", price: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await rowsOf(customer.id, "access.denied")).toMatchObject([
      {
        entityId: "createProduct",
        ip: "198.51.100.15",
        after: { outcome: "denied", required: "STAFF", surface: "rest" },
      },
    ]);
    expect(await t.db.product.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("does not audit anonymous refused calls (there is no actor)", async () => {
    const before = await t.db.auditLog.count();
    await expect(callerAs(t.services, null).admin.dashboard()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await t.db.auditLog.count()).toBe(before);
  });

  it("records a CSV export with its actor and how many products it held", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const products = await t.db.product.count();
    await callerAs(t.services, staff, "198.51.100.13").productCsv.export();
    expect(await rowsOf(staff.id, "product.export")).toMatchObject([
      {
        entity: "product",
        entityId: null,
        ip: "198.51.100.13",
        after: { outcome: "success", rows: products },
      },
    ]);
  });

  it("records a read of a customer's record, and an attempt at one that does not exist", async () => {
    const staff = await createTestUser(t.db, { role: "STAFF" });
    const customer = await createTestUser(t.db);
    await callerAs(t.services, staff, "198.51.100.14").admin.customer({ id: customer.id });
    await expect(
      callerAs(t.services, staff).admin.customer({ id: "no-such-customer" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await rowsOf(staff.id, "customer.read")).toMatchObject([
      { entity: "user", entityId: customer.id, ip: "198.51.100.14", after: { outcome: "success" } },
      { entity: "user", entityId: "no-such-customer", after: { outcome: "NOT_FOUND" } },
    ]);
  });
});
