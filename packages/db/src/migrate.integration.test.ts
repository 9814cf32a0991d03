import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrationFiles } from "./migrate.ts";
import { createEmptyDatabase, databaseUrl, dropDatabase } from "./testing.ts";

let name: string;
let url: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  url = databaseUrl(name);
});
afterAll(() => dropDatabase(name));

async function history(target: string) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT id, migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies every migration to an empty database and records it the way Prisma does", async () => {
    const files = await readMigrationFiles();
    const result = await migrate(url);
    expect(result.applied).toEqual(files.map((file) => file.name));
    const rows = await history(url);
    expect(rows).toHaveLength(files.length);
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      const bytes = await readFile(path.join(MIGRATIONS_DIR, file.name, "migration.sql"));
      expect(row.migration_name).toBe(file.name);
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is a no-op the second time, and safe when several processes migrate at once", async () => {
    const runs = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    for (const run of runs) expect(run.applied).toEqual([]);
    expect(await history(url)).toHaveLength((await readMigrationFiles()).length);
  });

  it("races on a fresh database: exactly one runner applies each migration", async () => {
    const fresh = await createEmptyDatabase();
    try {
      const runs = await Promise.all([migrate(databaseUrl(fresh)), migrate(databaseUrl(fresh))]);
      expect(runs.flatMap((run) => run.applied).sort()).toEqual(
        (await readMigrationFiles()).map((f) => f.name),
      );
    } finally {
      await dropDatabase(fresh);
    }
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrationFiles(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(migrate(url, dir)).rejects.toThrow(
      `Migration ${first!.name} was modified after it was applied`,
    );
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = "29991231000000_broken";
    await cp(path.join(dir, (await readMigrationFiles(dir))[0]!.name), path.join(dir, broken), {
      recursive: true,
    });
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";\n`,
    );
    await expect(migrate(url, dir)).rejects.toThrow(
      /Migration 29991231000000_broken failed and was rolled back/,
    );
    const names = (await history(url)).map((row) => row.migration_name);
    expect(names).not.toContain(broken);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rowCount } = await client.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    await client.end();
    expect(rowCount).toBe(0);
  });
});
