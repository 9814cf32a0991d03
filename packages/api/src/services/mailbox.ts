import type { DbClient } from "../db-client.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

/** Messages the development mail transport stored, newest first. */
export async function listStoredEmails(db: DbClient, page: { cursor?: string; limit: number; to?: string }) {
  const after = page.cursor ? decodeCursor(page.cursor) : undefined;
  const rows = await db.emailMessage.findMany({
    where: {
      to: page.to ? { contains: page.to, mode: "insensitive" } : undefined,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    select: { id: true, to: true, subject: true, text: true, createdAt: true, orderId: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { emails: items, nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null };
}
