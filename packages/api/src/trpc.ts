import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import {
  type AuditActor,
  AuditTrail,
  accessDeniedEntry,
  defaultAuditEntry,
  withOutcome,
  writeAuditEntries,
} from "./audit.ts";
import type { SessionUser } from "./auth/session.ts";
import type { Context } from "./context.ts";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { inTransaction } from "./db-client.ts";
import { DatabaseUnavailableError, DomainError } from "./errors.ts";
import { fieldIssuesOf, publicMessageOf } from "./rest/error-body.ts";
import { isRetryableTransactionError } from "./services/transaction-retry.ts";

export { type FieldIssue, UNREADABLE_INPUT } from "./rest/error-body.ts";

// The one place initTRPC is called: every router and base procedure comes from here.
const t = initTRPC
  .context<Context>()
  .meta<OpenApiMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error, ctx }) {
      // An unexpected error is logged by the adapter; the caller gets a request id, never internals.
      // REST bodies are not shaped here: apps/api builds them with restErrorOf (rest/error-body.ts).
      const issues = error.cause instanceof ZodError ? fieldIssuesOf(error.cause) : undefined;
      const details = error.cause instanceof DomainError ? error.cause.details : undefined;
      const message = publicMessageOf(error);
      return {
        message,
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

/**
 * Turns domain errors thrown by services into typed tRPC errors (the HTTP status follows the code);
 * an unreachable Postgres becomes DatabaseUnavailableError, a 503 like ServiceBusyError.
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && !(result.error.cause instanceof DomainError) && isDatabaseUnavailable(result.error)) {
    const cause = new DatabaseUnavailableError();
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
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

const auditActor = (ctx: Context, user: SessionUser): AuditActor => ({
  actorId: user.id,
  requestId: ctx.requestId,
  ip: ctx.ip,
});

/**
 * Refuses a signed-in user who lacks the role, and audits the refusal first. The row is written on
 * the base client before anything else runs (no transaction is open yet), so the failing call cannot
 * roll it back. Anonymous calls stop earlier, at requireUser, unaudited: there is no actor to record,
 * and anyone could fill the table; the request log keeps their IP.
 */
async function refuseRole(
  ctx: Context,
  user: SessionUser,
  call: { path: string; type: string },
  required: "STAFF" | "ADMIN",
): Promise<never> {
  await writeAuditEntries(ctx.db, auditActor(ctx, user), [
    accessDeniedEntry({ ...call, surface: ctx.surface, required, role: user.role }),
  ]);
  throw new TRPCError({ code: "FORBIDDEN", message: required === "ADMIN" ? "Admins only" : "Staff only" });
}

const requireStaff = t.middleware(async ({ ctx, path, type, next }) => {
  const user = ctx.user;
  if (user?.role !== "STAFF" && user?.role !== "ADMIN") {
    if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    return refuseRole(ctx, user, { path, type }, "STAFF");
  }
  return next();
});

const requireAdmin = t.middleware(async ({ ctx, path, type, next }) => {
  const user = ctx.user;
  if (user?.role !== "ADMIN") {
    if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
    return refuseRole(ctx, user, { path, type }, "ADMIN");
  }
  return next();
});

/** "success", or the code the call failed with (a domain error's own, before it is mapped). */
function outcomeOf(result: { ok: true } | { ok: false; error: TRPCError }): string {
  if (result.ok) return "success";
  return result.error.cause instanceof DomainError ? result.error.cause.code : result.error.code;
}

/**
 * Every mutation by a STAFF or ADMIN user runs in one transaction that also writes its audit rows
 * (what the procedure recorded, or its path and result), so a change and its audit row commit or
 * roll back together. A staff read is audited only when it records an entry itself (a customer's
 * record, a CSV export); that row is written after the read, whether it succeeded or not, with the
 * outcome. Sits on every signed-in base procedure: no procedure can forget it.
 */
const auditStaffCalls = t.middleware(async ({ ctx, type, path, next }) => {
  const actor = ctx.user;
  if (!actor || actor.role === "CUSTOMER") return next();
  if (type !== "mutation") {
    const result = await next();
    if (ctx.audit.entries.length > 0) {
      const outcome = outcomeOf(result);
      await writeAuditEntries(
        ctx.db,
        auditActor(ctx, actor),
        ctx.audit.entries.map((entry) => withOutcome(entry, outcome)),
      );
    }
    return result;
  }
  // inTransaction is the one retry point: after a deadlock it runs this again on a new transaction,
  // so each attempt has its own trail (a retried mutation writes one set of audit rows), and a
  // retryable failure is rethrown as itself for inTransaction to recognise.
  return inTransaction(ctx.db, async (tx) => {
    const audit = new AuditTrail();
    const inner = await next({ ctx: { db: tx, audit } });
    if (!inner.ok) {
      const cause = inner.error.cause;
      throw isRetryableTransactionError(cause) ? cause : inner.error;
    }
    const entries = audit.entries.length > 0 ? audit.entries : [defaultAuditEntry(path, inner.data)];
    await writeAuditEntries(tx, auditActor(ctx, actor), entries);
    return inner;
  });
});

/**
 * Gives every procedure call its own trail (even when a caller reuses one context). Work to do after
 * a change commits is not the trail's: services register it on their transaction (db-client.ts).
 */
const withAuditTrail = t.middleware(({ next }) => next({ ctx: { audit: new AuditTrail() } }));

export const publicProcedure = t.procedure.use(mapDomainErrors).use(withAuditTrail);
export const customerProcedure = publicProcedure.use(requireUser).use(auditStaffCalls);
export const staffProcedure = publicProcedure.use(requireUser).use(requireStaff).use(auditStaffCalls);
export const adminProcedure = publicProcedure.use(requireUser).use(requireAdmin).use(auditStaffCalls);
