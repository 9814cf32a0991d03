import { type Db, poolOf, servesOneSession } from "@stockroom/db";
import type { DbClient } from "./db-client.ts";
import { ServiceBusyError } from "./errors.ts";

/** A statement with a stable name: prepared once per pooled connection, then only bound and run. */
export interface SqlStatement {
  name: string;
  text: string;
}

/** Runs plain SQL statements. */
export interface Sql {
  /**
   * True when the statements run inside a caller's transaction: a retryable failure must then go up
   * to that transaction's retry (db-client.ts), because this one is aborted. Absent means each
   * statement is its own outermost transaction.
   */
  readonly inTransaction?: boolean;
  rows<T>(statement: SqlStatement, values: unknown[]): Promise<T[]>;
}

/**
 * Plain SQL on `db`. On the root client: on the pool Prisma also uses, named statements and no ORM in
 * between, each statement its own transaction. On the embedded database (PGlite), where every pooled
 * connection shares one session and so one set of statement names, statements run unnamed. Inside a caller's Prisma transaction (a staff mutation
 * and its audit row): on that transaction, so everything still commits or rolls back together.
 */
export function sqlOn(db: DbClient): Sql {
  const pool = "$connect" in db ? poolOf(db as Db) : undefined;
  if (!pool) {
    return {
      inTransaction: !("$connect" in db),
      rows: <R>(statement: SqlStatement, values: unknown[]) =>
        db.$queryRawUnsafe<R[]>(statement.text, ...values),
    };
  }
  return {
    rows: async <R>(statement: SqlStatement, values: unknown[]) => {
      try {
        const query = (await servesOneSession(pool))
          ? { text: statement.text, values }
          : { name: statement.name, text: statement.text, values };
        return (await pool.query<R & object>(query)).rows as R[];
      } catch (error) {
        throw isPoolTimeout(error) ? new ServiceBusyError() : error;
      }
    },
  };
}

function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
