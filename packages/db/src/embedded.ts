import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  /** A postgresql:// URL any client (Prisma, pg, psql) can use while the server runs. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const PGLITE_PREFIX = "pglite:";

export function isEmbeddedUrl(url: string): boolean {
  return url.startsWith(PGLITE_PREFIX);
}

/** The monorepo root: relative pglite: paths resolve from here, whichever package runs the command. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function embeddedDataDir(url: string, root = REPO_ROOT): string {
  return path.resolve(root, url.slice(PGLITE_PREFIX.length) || ".data/db");
}

/**
 * Serves a PGlite database over the Postgres wire protocol on 127.0.0.1, so Prisma's adapter-pg and
 * every other client talk to it like any Postgres. Meant for trying Stockroom without installing
 * Postgres: PGlite runs one query at a time in this process.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  // pg_trgm backs the staff searches by part of a name or SKU (migration 20261204220000).
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const port = options.port ?? (await freePort());
  // Several processes (API, worker, migrator) each keep a pool; the default of one connection breaks them.
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 64 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
