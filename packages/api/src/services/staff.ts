import { randomUUID } from "node:crypto";
import type { Prisma, Role } from "@stockroom/db";
import { hashPassword } from "better-auth/crypto";
import type { DbClient } from "../db-client.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors.ts";

export const accountSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

export type AccountView = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

export async function listStaff(db: DbClient): Promise<AccountView[]> {
  return db.user.findMany({
    where: { role: { in: ["STAFF", "ADMIN"] } },
    select: accountSelect,
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export async function createStaffAccount(
  db: DbClient,
  input: { email: string; name: string; password: string; role: "STAFF" | "ADMIN" },
): Promise<AccountView> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new ConflictError("An account with this email already exists", { email });
  const id = randomUUID();
  return db.user.create({
    data: {
      id,
      email,
      name: input.name,
      role: input.role,
      accounts: {
        create: {
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          password: await hashPassword(input.password),
        },
      },
    },
    select: accountSelect,
  });
}

/**
 * Locks the active admins, so two concurrent demotions cannot both pass the check and leave the
 * shop with no admin.
 */
async function assertAnotherActiveAdmin(db: DbClient, userId: string, change: string): Promise<void> {
  const admins = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "user" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  if (admins.some((admin) => admin.id === userId) && admins.length <= 1) {
    throw new ConflictError(`The last active admin cannot be ${change}`, { userId });
  }
}

/**
 * An admin may not take their own rights away: one click on the wrong row would lock them out of the
 * console (and, for the last admin, the shop). Another admin has to do it.
 */
function assertNotOwnAccount(
  actorId: string | undefined,
  userId: string,
  change: "demote" | "deactivate",
): void {
  if (actorId === userId) throw new ForbiddenError(`You cannot ${change} your own account`, { userId });
}

/** `actorId`: who asks (the signed-in admin); unset for scripts acting as the shop itself. */
export async function setAccountRole(
  db: DbClient,
  userId: string,
  role: Role,
  actorId?: string,
): Promise<{ before: AccountView; after: AccountView }> {
  const before = await db.user.findUnique({ where: { id: userId }, select: accountSelect });
  if (!before) throw new NotFoundError("Account not found", { userId });
  if (before.role !== role && before.role === "ADMIN") assertNotOwnAccount(actorId, userId, "demote");
  if (before.role === "ADMIN" && role !== "ADMIN") await assertAnotherActiveAdmin(db, userId, "demoted");
  const after = await db.user.update({ where: { id: userId }, data: { role }, select: accountSelect });
  return { before, after };
}

export async function setAccountActive(
  db: DbClient,
  userId: string,
  active: boolean,
  actorId?: string,
): Promise<{ before: AccountView; after: AccountView }> {
  const before = await db.user.findUnique({ where: { id: userId }, select: accountSelect });
  if (!before) throw new NotFoundError("Account not found", { userId });
  if (!active) assertNotOwnAccount(actorId, userId, "deactivate");
  if (before.role === "ADMIN" && !active) await assertAnotherActiveAdmin(db, userId, "deactivated");
  const after = await db.user.update({ where: { id: userId }, data: { active }, select: accountSelect });
  if (!active) await db.session.deleteMany({ where: { userId } });
  return { before, after };
}
