import { type Db, poolOf } from "@stockroom/db";
import { type DbClient, inTransaction } from "./db-client.ts";
import { ServiceBusyError } from "./errors.ts";

/** A statement with a stable name: prepared once per pooled connection, then only bound and run. */
export interface SqlStatement {
  name: string;
  text: string;
}

/** Runs plain SQL inside one transaction. */
export interface Sql {
  rows<T>(statement: SqlStatement, values: unknown[]): Promise<T[]>;
}

/**
 * Runs `task` in a transaction given plain SQL. From the root client, on a connection of the pool
 * Prisma also uses (named statements, no ORM in between); inside a caller's Prisma transaction (a
 * staff mutation and its audit row), on that transaction, so both still commit or roll back together.
 */
export async function inSqlTransaction<T>(db: DbClient, task: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = "$connect" in db ? poolOf(db as Db) : undefined;
  if (!pool) return inTransaction(db, (tx) => task(prismaSql(tx)));
  const client = await pool.connect().catch((error: unknown) => {
    throw isPoolTimeout(error) ? new ServiceBusyError() : error;
  });
  let broken: unknown;
  try {
    await client.query("BEGIN");
    const result = await task({
      rows: async <R>(statement: SqlStatement, values: unknown[]) =>
        (await client.query<R & object>({ ...statement, values })).rows as R[],
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is not given to the next request.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

function prismaSql(tx: DbClient): Sql {
  return {
    rows: <R>(statement: SqlStatement, values: unknown[]) =>
      tx.$queryRawUnsafe<R[]>(statement.text, ...values),
  };
}

function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
