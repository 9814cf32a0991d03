import type { Db, Prisma } from "@stockroom/db";

/** The root client or a transaction's client; services accept either. */
export type DbClient = Prisma.TransactionClient;

/** Runs `task` in a transaction, or directly in the caller's transaction when there already is one. */
export function inTransaction<T>(db: DbClient, task: (tx: DbClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return (db as Db).$transaction(task);
  return task(db);
}
