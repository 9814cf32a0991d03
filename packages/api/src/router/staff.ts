import { revokeSessions } from "../auth/revoke-sessions.ts";
import { afterCommit } from "../db-client.ts";
import { CreateStaffInput, SetActiveInput, SetRoleInput } from "../schemas/account.ts";
import { createStaffAccount, listStaff, setAccountActive, setAccountRole } from "../services/staff.ts";
import { adminProcedure, createTRPCRouter } from "../trpc.ts";

// Staff accounts are never created by public sign-up: only an admin creates them and changes roles.
export const staffRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listStaff(ctx.db)),

  create: adminProcedure.input(CreateStaffInput).mutation(async ({ ctx, input }) => {
    const account = await createStaffAccount(ctx.db, input);
    ctx.audit.record({ action: "staff.create", entity: "user", entityId: account.id, after: account });
    return account;
  }),

  setRole: adminProcedure.input(SetRoleInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await setAccountRole(ctx.db, input.userId, input.role, ctx.user.id);
    ctx.audit.record({ action: "staff.setRole", entity: "user", entityId: after.id, before, after });
    // A new role takes effect at the next sign-in; end the old sessions so none keeps the old rights.
    if (before.role !== after.role) await afterCommit(ctx.db, () => revokeSessions(ctx.auth, after.id));
    return after;
  }),

  setActive: adminProcedure.input(SetActiveInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await setAccountActive(ctx.db, input.userId, input.active, ctx.user.id);
    ctx.audit.record({ action: "staff.setActive", entity: "user", entityId: after.id, before, after });
    if (!after.active) await afterCommit(ctx.db, () => revokeSessions(ctx.auth, after.id));
    return after;
  }),
});
