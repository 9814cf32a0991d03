import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import { AuditTrail, defaultAuditEntry, writeAuditEntries } from "./audit.ts";
import type { Context } from "./context.ts";
import { inTransaction } from "./db-client.ts";
import { DomainError } from "./errors.ts";

export interface FieldIssue {
  path: string;
  message: string;
}

// The one place initTRPC is called: every router and base procedure comes from here.
const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      // An unexpected error is logged by the adapter; the caller gets a request id, never internals.
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const issues: FieldIssue[] | undefined =
        error.cause instanceof ZodError
          ? error.cause.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))
          : undefined;
      const details = error.cause instanceof DomainError ? error.cause.details : undefined;
      if (ctx?.surface === "rest") {
        // The REST contract's body: { error, details? } (the adapter strips everything else).
        const restDetails =
          issues ?? (error.cause instanceof DomainError ? error.cause.restDetails : undefined);
        return {
          error: internal ? "Internal server error" : issues ? "Invalid request" : shape.message,
          ...(restDetails !== undefined && { details: restDetails }),
          ...(internal && { requestId: ctx.requestId }),
          code: shape.code,
          message: shape.message,
          data: shape.data,
        };
      }
      return {
        message: internal ? "Internal server error" : issues ? "Invalid request" : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId,
          issues,
          details,
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns domain errors thrown by services into typed tRPC errors (the HTTP status follows the code). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { user: ctx.user } });
});

const requireStaff = t.middleware(({ ctx, next }) => {
  if (ctx.user?.role !== "STAFF" && ctx.user?.role !== "ADMIN") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Staff only" });
  }
  return next();
});

const requireAdmin = t.middleware(({ ctx, next }) => {
  if (ctx.user?.role !== "ADMIN") throw new TRPCError({ code: "FORBIDDEN", message: "Admins only" });
  return next();
});

/**
 * Every mutation by a STAFF or ADMIN user runs in one transaction that also writes its audit rows
 * (what the procedure recorded, or its path and result), so a change and its audit row commit or
 * roll back together. Sits on every signed-in base procedure: no procedure can forget it.
 */
const auditStaffMutations = t.middleware(async ({ ctx, type, path, next }) => {
  const actor = ctx.user;
  if (type !== "mutation" || !actor || actor.role === "CUSTOMER") return next();
  return inTransaction(ctx.db, async (tx) => {
    const inner = await next({ ctx: { db: tx } });
    if (!inner.ok) throw inner.error;
    const entries = ctx.audit.entries.length > 0 ? ctx.audit.entries : [defaultAuditEntry(path, inner.data)];
    await writeAuditEntries(tx, { actorId: actor.id, requestId: ctx.requestId, ip: ctx.ip }, entries);
    return inner;
  });
});

/**
 * Gives every procedure call its own trail (even when a caller reuses one context), and runs its
 * after-commit tasks once the procedure, and any transaction around it, succeeded.
 */
const withAuditTrail = t.middleware(async ({ next }) => {
  const audit = new AuditTrail();
  const result = await next({ ctx: { audit } });
  if (result.ok) for (const task of audit.afterCommitTasks) await task();
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(withAuditTrail);
export const customerProcedure = publicProcedure.use(requireUser).use(auditStaffMutations);
export const staffProcedure = publicProcedure.use(requireUser).use(requireStaff).use(auditStaffMutations);
export const adminProcedure = publicProcedure.use(requireUser).use(requireAdmin).use(auditStaffMutations);
