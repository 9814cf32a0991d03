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
  actor?: string;
  includeCart?: boolean;
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
      ...(filter.actor && {
        actor: {
          OR: [
            { email: { contains: filter.actor, mode: "insensitive" } },
            { name: { contains: filter.actor, mode: "insensitive" } },
          ],
        },
      }),
      ...(!filter.includeCart && { NOT: { action: { startsWith: "cart." } } }),
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
  const listed = rows.slice(0, filter.limit);
  const subjects = await subjectsOf(db, listed);
  const page = listed.map((entry) => ({
    ...entry,
    subject: entry.entityId ? (subjects.get(`${entry.entity}:${entry.entityId}`) ?? null) : null,
  }));
  const last = page.at(-1);
  return { entries: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}

/** What an entry is about, as people name it: "order #100008", a product's name, an account's e-mail. */
export interface AuditSubject {
  kind: "order" | "product" | "user";
  id: string;
  label: string;
}

/** The page's subjects in three queries at most (one per kind), whatever the page holds. */
async function subjectsOf(
  db: DbClient,
  entries: { entity: string; entityId: string | null }[],
): Promise<Map<string, AuditSubject>> {
  const idsOf = (entity: string) => [
    ...new Set(
      entries.filter((entry) => entry.entity === entity && entry.entityId).map((entry) => entry.entityId!),
    ),
  ];
  const uuids = (ids: string[]) => ids.filter((id) => UUID.test(id));
  const [orders, products, users] = await Promise.all([
    db.order.findMany({ where: { id: { in: uuids(idsOf("order")) } }, select: { id: true, number: true } }),
    db.product.findMany({ where: { id: { in: uuids(idsOf("product")) } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, email: true } }),
  ]);
  const subjects = new Map<string, AuditSubject>();
  for (const order of orders)
    subjects.set(`order:${order.id}`, { kind: "order", id: order.id, label: `order #${order.number}` });
  for (const product of products)
    subjects.set(`product:${product.id}`, { kind: "product", id: product.id, label: product.name });
  for (const user of users) subjects.set(`user:${user.id}`, { kind: "user", id: user.id, label: user.email });
  return subjects;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
