import { z } from "zod";
import { AuditLogListInput } from "../schemas/account.ts";
import { listAuditLog } from "../services/audit-log.ts";
import { getCustomer, listCustomers } from "../services/customers.ts";
import { getDashboard } from "../services/dashboard.ts";
import { listStoredEmails } from "../services/mailbox.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

const page = { cursor: z.string().min(1).optional(), limit: z.number().int().min(1).max(100).default(25) };

export const adminRouter = createTRPCRouter({
  dashboard: staffProcedure.query(({ ctx }) => getDashboard(ctx.db)),
  auditLog: staffProcedure.input(AuditLogListInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
  emails: staffProcedure
    .input(z.object({ ...page, to: z.string().trim().max(200).optional() }))
    .query(({ ctx, input }) => listStoredEmails(ctx.db, input)),
  customers: staffProcedure
    .input(z.object({ ...page, q: z.string().trim().max(200).optional() }))
    .query(({ ctx, input }) => listCustomers(ctx.db, input)),
  customer: staffProcedure
    .input(z.object({ id: z.string().min(1) }))
    .query(({ ctx, input }) => getCustomer(ctx.db, input.id)),
});
