import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** Pool size for this process; keep the sum over processes under Postgres' max_connections. */
  poolSize?: number;
}

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(url: string, options: CreateDbOptions = {}): Db {
  // Under a burst, requests queue for a connection; one still waiting after 10 s is told to retry.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // Postgres closing an idle connection (a restart, pg_terminate_backend) is an 'error' event on the
  // pool; unheard, it ends the process. The pool has already dropped that connection, and the next
  // query opens a new one; Prisma's adapter adds its own listener only once it has connected.
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/**
 * The connection pool under a client made by `createDb`: the same connections Prisma uses, for the
 * few hot paths written as plain SQL (see docs/adr/0007-plain-sql-order-placement.md).
 */
export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

const oneSession = new WeakMap<pg.Pool, Promise<boolean>>();

/**
 * True when the server behind `pool` is PGlite (the embedded database, see embedded.ts), which
 * serves every connection through one Postgres session: a statement one connection prepares by name
 * then exists for all, and a second connection preparing it fails ("already exists"). Asked once per
 * pool; a failed check is asked again next time.
 */
export function servesOneSession(pool: pg.Pool): Promise<boolean> {
  let answer = oneSession.get(pool);
  if (!answer) {
    answer = pool
      .query<{ pglite: boolean }>("SELECT version() LIKE '%PGlite%' AS pglite")
      .then((result) => result.rows[0]?.pglite === true);
    answer.catch(() => oneSession.delete(pool));
    oneSession.set(pool, answer);
  }
  return answer;
}
