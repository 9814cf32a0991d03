import { type EmbeddedPostgres, embeddedDataDir, isEmbeddedUrl, startEmbeddedPostgres } from "./embedded.ts";
import { canReachPostgres, ensureDatabase } from "./ensure-database.ts";
import { DEFAULT_DATABASE_URL } from "./env.ts";

export interface ResolvedDatabase {
  /** The postgresql:// URL to hand to clients and child processes. */
  url: string;
  /** Set when this process serves an embedded database; stop it on shutdown. */
  embedded?: EmbeddedPostgres;
  /** One line for the start-up banner saying which database is in use and why. */
  description: string;
}

/**
 * Picks the database `pnpm start` uses: DATABASE_URL when set (a pglite: URL starts the embedded one),
 * otherwise the default local Postgres, or, when nothing answers there, an embedded database under .data/.
 */
export async function resolveDatabase(configuredUrl: string | undefined): Promise<ResolvedDatabase> {
  if (configuredUrl && isEmbeddedUrl(configuredUrl)) {
    return startEmbedded(embeddedDataDir(configuredUrl), "DATABASE_URL");
  }
  const url = configuredUrl ?? DEFAULT_DATABASE_URL;
  if (!configuredUrl && !(await canReachPostgres(url))) {
    return startEmbedded(embeddedDataDir("pglite:.data/db"), `no Postgres answered at ${redact(url)}`);
  }
  const { created } = await ensureDatabase(url);
  return { url, description: `Postgres at ${redact(url)}${created ? " (database created)" : ""}` };
}

async function startEmbedded(dataDir: string, reason: string): Promise<ResolvedDatabase> {
  const embedded = await startEmbeddedPostgres(dataDir);
  return {
    url: embedded.url,
    embedded,
    description: `embedded PGlite database in ${dataDir} (${reason}); set DATABASE_URL to use your own Postgres`,
  };
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
