import { readDbEnv } from "../env.ts";
import { type ResolvedDatabase, resolveDatabase } from "../resolve-database.ts";

/** Runs a CLI task against the configured database (starting the embedded one if that is what is configured). */
export async function withDatabase(task: (database: ResolvedDatabase) => Promise<void>): Promise<void> {
  let database: ResolvedDatabase | undefined;
  try {
    database = await resolveDatabase(readDbEnv().DATABASE_URL);
    console.error(`database: ${database.description}`);
    await task(database);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await database?.embedded?.stop();
  }
}
