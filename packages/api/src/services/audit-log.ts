import type { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

const auditLogSelect = {
  id: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  requestId: true,
  ip: true,
  createdAt: true,
  actor: { select: { id: true, email: true, name: true } },
} satisfies Prisma.AuditLogSelect;

export interface AuditLogFilter {
  actorId?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

/** Newest first, keyset-paginated on (createdAt, id) so deep pages stay as fast as the first. */
export async function listAuditLog(db: DbClient, filter: AuditLogFilter) {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const rows = await db.auditLog.findMany({
    where: {
      actorId: filter.actorId,
      entity: filter.entity,
      entityId: filter.entityId,
      createdAt: { gte: filter.from, lte: filter.to },
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    select: auditLogSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { entries: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}
