import { type Db, Prisma } from "@stockroom/db";
import { ServiceBusyError } from "./errors.ts";

/** The root client or a transaction's client; services accept either. */
export type DbClient = Prisma.TransactionClient;

// Under a burst, requests queue for a pooled connection; Prisma's default 2 s wait turned such
// bursts into errors. A request that still cannot get a connection in time is told to retry (503).
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** Runs `task` in a transaction, or directly in the caller's transaction when there already is one. */
export async function inTransaction<T>(db: DbClient, task: (tx: DbClient) => Promise<T>): Promise<T> {
  // A transaction's client has $transaction too (nested transactions); only the root client can $connect.
  if (!("$connect" in db)) return task(db);
  try {
    return await (db as Db).$transaction(task, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isTransactionStartTimeout(error)) throw new ServiceBusyError();
    throw error;
  }
}

function isTransactionStartTimeout(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2028" &&
    /Unable to start a transaction/i.test(error.message)
  );
}
