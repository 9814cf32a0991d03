import { createDb, type Db } from "@stockroom/db";
import { cloneTemplateDatabase, databaseUrl, dropDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContextInner, type Services } from "./context.ts";
import { callerAs, createTestServices, createTestUser } from "./testing.ts";
import { createCallerFactory, createTRPCRouter, customerProcedure, staffProcedure } from "./trpc.ts";

let name: string;
let db: Db;
let services: Services;

beforeAll(async () => {
  name = await cloneTemplateDatabase();
  db = createDb(databaseUrl(name), { poolSize: 4 });
  services = createTestServices(db);
});
afterAll(async () => {
  await db.$disconnect();
  await dropDatabase(name);
});

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
    const admin = await createTestUser(db, { role: "ADMIN" });
    const staff = await createTestUser(db, { role: "STAFF" });
    const caller = callerAs(services, admin, "198.51.100.4");
    await caller.staff.setRole({ userId: staff.id, role: "ADMIN" });

    const rows = await db.auditLog.findMany({ where: { action: "staff.setRole", entityId: staff.id } });
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
    const staff = await createTestUser(db, { role: "STAFF" });
    const created = await probe(createContextInner(services, { user: staff })).createCategory({
      slug: "lamps",
      fail: false,
    });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "createCategory" } });
    expect(row).toMatchObject({
      actorId: staff.id,
      entityId: created.id,
      after: expect.objectContaining({ slug: "lamps" }),
    });
  });

  it("rolls the audit row back with the change when the mutation fails after writing", async () => {
    const staff = await createTestUser(db, { role: "STAFF" });
    const before = await db.auditLog.count();
    await expect(
      probe(createContextInner(services, { user: staff })).createCategory({ slug: "doomed", fail: true }),
    ).rejects.toThrow();
    expect(await db.category.count({ where: { slug: "doomed" } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("does not audit a customer's own mutations", async () => {
    const customer = await createTestUser(db, { role: "CUSTOMER" });
    const before = await db.auditLog.count();
    await probe(createContextInner(services, { user: customer })).touchAsCustomer();
    expect(await db.auditLog.count()).toBe(before);
  });
});

describe("last admin", () => {
  it("can never be demoted or deactivated, and the refused attempt leaves no trace", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STAFF" } });
    const admin = await createTestUser(db, { role: "ADMIN" });
    const caller = callerAs(services, admin);
    const before = await db.auditLog.count();
    await expect(caller.staff.setRole({ userId: admin.id, role: "STAFF" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The last active admin cannot be demoted",
    });
    await expect(caller.staff.setActive({ userId: admin.id, active: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The last active admin cannot be deactivated",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await db.auditLog.count()).toBe(before);
  });

  it("survives two admins demoting each other at the same moment: exactly one succeeds", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STAFF" } });
    const first = await createTestUser(db, { role: "ADMIN" });
    const second = await createTestUser(db, { role: "ADMIN" });
    const results = await Promise.allSettled([
      callerAs(services, first).staff.setRole({ userId: second.id, role: "STAFF" }),
      callerAs(services, second).staff.setRole({ userId: first.id, role: "STAFF" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });
});

describe("staff accounts", () => {
  it("are created by an admin with a password that signs in, and a duplicate email is a conflict", async () => {
    const admin = await createTestUser(db, { role: "ADMIN" });
    const caller = callerAs(services, admin);
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
