import { AuditLogListInput } from "../schemas/account.ts";
import { listAuditLog } from "../services/audit-log.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

export const adminRouter = createTRPCRouter({
  auditLog: staffProcedure.input(AuditLogListInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
});
