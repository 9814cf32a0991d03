import type { Prisma } from "@stockroom/db";
import type { DbClient } from "./db-client.ts";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * One per procedure call (and per attempt of a retried staff mutation). Collects what a staff
 * mutation changed; the audit middleware writes the rows in the mutation's own transaction, so they
 * commit or roll back with it. Work to run after the change commits belongs to the transaction
 * (db-client.ts `afterCommit`), not here.
 */
export class AuditTrail {
  readonly entries: AuditEntry[] = [];

  record(entry: AuditEntry): void {
    this.entries.push(entry);
  }
}

export interface AuditActor {
  actorId: string;
  requestId: string;
  ip: string | null;
}

export async function writeAuditEntries(
  db: DbClient,
  actor: AuditActor,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.createMany({
    data: entries.map((entry) => ({
      actorId: actor.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      requestId: actor.requestId,
      ip: actor.ip,
    })),
  });
}

/**
 * Plain JSON (dates as ISO strings); undefined and null become SQL NULL. Strings are made well-formed,
 * because jsonb refuses a lone surrogate and an audit row must never fail the change it records.
 */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  const json = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "string" ? item.toWellFormed() : item,
  );
  return JSON.parse(json) as Prisma.InputJsonValue;
}

/**
 * A signed-in user stopped by a role wall: who, which procedure, what it needed and what they had.
 * `entityId` is the procedure's path; the outcome sits in `after` (the table has no column for it).
 */
export function accessDeniedEntry(denied: {
  path: string;
  type: string;
  surface: string;
  required: "STAFF" | "ADMIN";
  role: string;
}): AuditEntry {
  const { path, ...rest } = denied;
  return {
    action: "access.denied",
    entity: "procedure",
    entityId: path,
    after: { outcome: "denied", code: "FORBIDDEN", ...rest },
  };
}

/** An entry of a read with how the call ended ("success" or the error code) in `after`. */
export function withOutcome(entry: AuditEntry, outcome: string): AuditEntry {
  const after = typeof entry.after === "object" && entry.after !== null ? entry.after : {};
  return { ...entry, after: { outcome, ...after } };
}

/** What the middleware records when a procedure recorded nothing itself: the path and its result. */
export function defaultAuditEntry(path: string, result: unknown): AuditEntry {
  const [entity = path] = path.split(".");
  const id =
    typeof result === "object" && result !== null && "id" in result
      ? String((result as { id: unknown }).id)
      : null;
  return { action: path, entity, entityId: id, after: result };
}
