import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "./client.ts";
import { quoteIdent } from "./ensure-database.ts";
import { MIGRATIONS_DIR, migrate, readMigrationFiles } from "./migrate.ts";

/**
 * Test databases: one migrated template per run, and a fresh clone of it for each test file
 * (CREATE DATABASE ... TEMPLATE copies files, so a clone takes milliseconds and files run in parallel).
 */
export const TEST_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

// Each test run names its own template, so two runs on one server never drop each other's.
let templateDatabase = "stockroom_test_template";

export function newTemplateDatabaseName(): string {
  return `stockroom_test_template_${randomBytes(4).toString("hex")}`;
}

/** Points cloneTemplateDatabase() at this run's template (called in every test worker). */
export function useTemplateDatabase(name: string): void {
  templateDatabase = name;
}

export function databaseUrl(name: string, serverUrl = TEST_SERVER_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `task` on one plain pg connection to `url`, closed afterwards. */
export async function withClient<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** Every table's row count and a hash of all its rows (as text, ordered): what a data migration must keep. */
export function tableSnapshot(url: string): Promise<Record<string, { rows: number; hash: string | null }>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
       ORDER BY table_name`,
    );
    const result: Record<string, { rows: number; hash: string | null }> = {};
    for (const { table_name } of tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM "${table_name}" t`,
      );
      result[table_name] = rows[0];
    }
    return result;
  });
}

/**
 * A directory holding the migrations whose names `keep` accepts, in Prisma's layout: what `migrate`
 * applies to reproduce an earlier schema, or to apply one migration alone.
 */
export async function migrationsWhere(keep: (name: string) => boolean): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "stockroom-migrations-"));
  for (const file of await readMigrationFiles()) {
    if (keep(file.name))
      await cp(path.join(MIGRATIONS_DIR, file.name), path.join(dir, file.name), { recursive: true });
  }
  return dir;
}

/** The migration whose schema the demo-shop fixture was dumped at (src/fixtures/). */
export const DEMO_FIXTURE_SCHEMA = "20261123221000_inventory_hot_updates";

/**
 * Brings an empty database to the schema of DEMO_FIXTURE_SCHEMA and loads the demo shop as it was
 * dumped there: the data-migration tests then migrate forward from it to the schema before theirs.
 */
export async function loadDemoShop(url: string): Promise<void> {
  await migrate(url, await migrationsWhere((file) => file <= DEMO_FIXTURE_SCHEMA));
  const sql = await readFile(
    new URL(`./fixtures/demo-shop-${DEMO_FIXTURE_SCHEMA.slice(0, 14)}.sql`, import.meta.url),
    "utf8",
  );
  await withClient(url, (client) => client.query(sql));
}

export async function createTemplateDatabase(name: string, serverUrl = TEST_SERVER_URL): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  await migrate(databaseUrl(name, serverUrl));
  useTemplateDatabase(name);
}

export async function createEmptyDatabase(
  prefix = "stockroom_test",
  serverUrl = TEST_SERVER_URL,
): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return name;
}

export async function cloneTemplateDatabase(serverUrl = TEST_SERVER_URL): Promise<string> {
  const name = `stockroom_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateDatabase)}`),
  );
  return name;
}

export async function dropDatabase(name: string, serverUrl = TEST_SERVER_URL): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

export interface TestDatabase {
  /** The clone's name and URL, for code that opens its own connections to it. */
  name: string;
  url: string;
  db: Db;
  /** Disconnects the client and drops the clone. */
  close(): Promise<void>;
}

/** A fresh clone of the template with a client on it (pool of 4 unless a test needs more). */
export async function openTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const name = await cloneTemplateDatabase();
  const url = databaseUrl(name);
  const db = createDb(url, { poolSize: options.poolSize ?? 4 });
  return {
    name,
    url,
    db,
    async close() {
      await db.$disconnect();
      await dropDatabase(name);
    },
  };
}

/**
 * Opens a resource in this file's beforeAll and closes it in its afterAll (registered first, so the
 * file's own beforeAll already sees it and its own afterAll still does). The returned reader throws
 * when called before beforeAll ran, e.g. at file load, instead of handing out undefined.
 */
export function openForFile<T extends { close(): Promise<void> }>(
  what: string,
  open: () => Promise<T>,
): () => T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return () => {
    if (!opened) {
      throw new Error(
        `${what} is opened in beforeAll: read it inside a hook or a test, not when the file loads`,
      );
    }
    return opened;
  };
}

/** An object whose fields read current()'s when read, so it can be handed out before current() has a value. */
export function readThrough<T extends object, K extends keyof T>(
  current: () => T,
  keys: readonly K[],
): Pick<T, K> {
  const fields = {} as Pick<T, K>;
  for (const key of keys) Object.defineProperty(fields, key, { enumerable: true, get: () => current()[key] });
  return fields;
}

/** This test file's own database: cloned in beforeAll, dropped in afterAll. */
export function useTestDatabase(options: { poolSize?: number } = {}): Omit<TestDatabase, "close"> {
  const current = openForFile("useTestDatabase()'s database", () => openTestDatabase(options));
  return readThrough(current, ["name", "url", "db"]);
}
