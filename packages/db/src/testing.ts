import { randomBytes } from "node:crypto";
import pg from "pg";
import { quoteIdent } from "./ensure-database.ts";
import { migrate } from "./migrate.ts";

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

async function withServer<T>(serverUrl: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

export async function createTemplateDatabase(name: string, serverUrl = TEST_SERVER_URL): Promise<void> {
  await withServer(serverUrl, async (client) => {
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
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return name;
}

export async function cloneTemplateDatabase(serverUrl = TEST_SERVER_URL): Promise<string> {
  const name = `stockroom_test_${randomBytes(6).toString("hex")}`;
  await withServer(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(templateDatabase)}`),
  );
  return name;
}

export async function dropDatabase(name: string, serverUrl = TEST_SERVER_URL): Promise<void> {
  await withServer(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}
