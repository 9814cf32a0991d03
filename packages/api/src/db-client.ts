import { type Db, Prisma } from "@stockroom/db";
import { ServiceBusyError } from "./errors.ts";
import { isRetryableTransactionError } from "./services/transaction-retry.ts";

/** The root client or a transaction's client; services accept either. */
export type DbClient = Prisma.TransactionClient;

// Under a burst, requests queue for a pooled connection; Prisma's default 2 s wait turned such
// bursts into errors. A request that still cannot get a connection in time is told to retry (503).
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** How often a whole outermost transaction is run again after a deadlock or serialization failure. */
const RETRY_ATTEMPTS = 5;

/** Work to run once a transaction has committed (cache invalidation, session revocation). */
export type AfterCommitHook = () => Promise<void>;

/** What one outermost transaction opened by `inTransaction` has queued to run after it commits. */
interface UnitOfWork {
  root: Db;
  hooks: AfterCommitHook[];
}

const openUnits = new WeakMap<DbClient, UnitOfWork>();

const isRoot = (db: DbClient): db is Db => "$connect" in db;

/**
 * Runs `task` in a transaction, or directly in the caller's transaction when there already is one.
 * The outermost call is the one retry point: a deadlock or serialization failure anywhere inside
 * aborts the whole transaction, so the whole task runs again from the start on a new one (never
 * again on the aborted one). After it commits, the hooks registered with `afterCommit` run, in order;
 * those of an attempt that rolled back are dropped with it.
 */
export async function inTransaction<T>(db: DbClient, task: (tx: DbClient) => Promise<T>): Promise<T> {
  // A transaction's client has $transaction too (nested transactions); only the root client can $connect.
  if (!isRoot(db)) return task(db);
  const { result, unit } = await retryingTransaction(async () => {
    const unit: UnitOfWork = { root: db, hooks: [] };
    try {
      const result = await db.$transaction((tx) => {
        openUnits.set(tx, unit);
        return task(tx);
      }, TRANSACTION_OPTIONS);
      return { result, unit };
    } catch (error) {
      if (isTransactionStartTimeout(error)) throw new ServiceBusyError();
      throw error;
    }
  });
  for (const hook of unit.hooks) await hook();
  return result;
}

/**
 * Runs `task`, whose writes are an outermost transaction of their own when `db` is the root client
 * (one plain SQL statement, say), with the same retry policy as `inTransaction`; inside a caller's
 * transaction it runs once and a retryable failure goes up to that transaction's own retry.
 */
export function atOutermost<T>(db: DbClient, task: () => Promise<T>): Promise<T> {
  return isRoot(db) ? retryingTransaction(task) : task();
}

/**
 * The retry policy of outermost transactions: `task` (a whole transaction) runs again, after a short
 * random pause, when it failed for a deadlock, a serialization failure or a RetryableConflictError.
 * Call it only where `task` is an outermost transaction (inTransaction and atOutermost do).
 */
export async function retryingTransaction<T>(task: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= RETRY_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

/**
 * Runs `hook` once the changes made through `db` have committed: after the outermost transaction
 * opened by `inTransaction` commits (never if it rolls back), or at once on the root client, whose
 * statements have committed when they return.
 */
export async function afterCommit(db: DbClient, hook: AfterCommitHook): Promise<void> {
  const unit = openUnits.get(db);
  if (unit) {
    unit.hooks.push(hook);
    return;
  }
  if (!isRoot(db))
    throw new Error("afterCommit needs the root client or a transaction opened by inTransaction");
  await hook();
}

/** The root client behind `db`: itself, or the one the transaction was opened on. */
export function rootOf(db: DbClient): Db | undefined {
  return isRoot(db) ? db : openUnits.get(db)?.root;
}

function isTransactionStartTimeout(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2028" &&
    /Unable to start a transaction/i.test(error.message)
  );
}
