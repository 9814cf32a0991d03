import type { Db } from "@stockroom/db";

// A cheap picture of every table's rows (count and a hash of the rows' text), to prove that a
// refused request changed nothing. Tables that a refused request legitimately writes are left out.

/** Written on refusals by design: the audit trail of refused staff calls, and better-auth's own tables. */
export const TABLES_ALLOWED_TO_CHANGE = ["audit_log", "session", "verification", "_prisma_migrations"];

export type TableSnapshot = Map<string, { rows: number; digest: string }>;

export interface TableSnapshotter {
  take(): Promise<TableSnapshot>;
}

export async function tableSnapshotter(
  db: Db,
  schemas = ["public", "graphile_worker"],
): Promise<TableSnapshotter> {
  const tables = await db.$queryRawUnsafe<{ schema: string; name: string }[]>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1::text[]) AND NOT (table_name = ANY($2::text[]))
     ORDER BY 1, 2`,
    schemas,
    TABLES_ALLOWED_TO_CHANGE,
  );
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  // One statement for all tables; the sum of each row's text hash is order-free (no sort) and changes
  // with any column of any row. Measured here: a few ms for the fuzz test's database.
  const sql = tables
    .map(
      ({ schema, name }) =>
        `SELECT '${schema}.${name}' AS name, count(*)::int AS rows,
           coalesce(sum(hashtext(t::text)::bigint), 0)::text AS digest
         FROM ${quote(schema)}.${quote(name)} t`,
    )
    .join(" UNION ALL ");
  return {
    async take() {
      const rows = await db.$queryRawUnsafe<{ name: string; rows: number; digest: string }[]>(sql);
      return new Map(rows.map((row) => [row.name, { rows: row.rows, digest: row.digest }]));
    },
  };
}

/** The tables whose rows differ between two snapshots, with their row counts. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const changed: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now || now.digest !== was.digest) changed.push(`${name} (rows ${was.rows} → ${now?.rows ?? "?"})`);
  }
  return changed;
}
