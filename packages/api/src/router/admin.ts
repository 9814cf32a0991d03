import {
  AdminSearchInput,
  AuditLogListInput,
  CustomerIdInput,
  CustomerListInput,
  DashboardInput,
  StoredEmailListInput,
} from "../schemas/account.ts";
import { searchAdmin } from "../services/admin-search.ts";
import { listAuditLog } from "../services/audit-log.ts";
import { getCustomer, listCustomers } from "../services/customers.ts";
import { getDashboard } from "../services/dashboard.ts";
import { listStoredEmails } from "../services/mailbox.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

export const adminRouter = createTRPCRouter({
  dashboard: staffProcedure.input(DashboardInput).query(({ ctx, input }) => getDashboard(ctx.db, input)),
  search: staffProcedure.input(AdminSearchInput).query(({ ctx, input }) => searchAdmin(ctx.db, input.q)),
  auditLog: staffProcedure.input(AuditLogListInput).query(({ ctx, input }) => listAuditLog(ctx.db, input)),
  emails: staffProcedure
    .input(StoredEmailListInput)
    .query(({ ctx, input }) => listStoredEmails(ctx.db, input)),
  customers: staffProcedure.input(CustomerListInput).query(({ ctx, input }) => listCustomers(ctx.db, input)),
  customer: staffProcedure.input(CustomerIdInput).query(({ ctx, input }) => {
    // Reading a customer's personal record is audited (with its outcome) by the staff middleware.
    ctx.audit.record({ action: "customer.read", entity: "user", entityId: input.id });
    return getCustomer(ctx.db, input.id);
  }),
});
