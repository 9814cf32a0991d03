import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * `pnpm start` runs the API in production mode, which needs AUTH_SECRET. When none is configured, one
 * is generated once and kept in .data/ so sessions survive restarts.
 */
export async function readOrCreateAuthSecret(file: string, log: (line: string) => void): Promise<string> {
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) return existing;
  } catch {}
  const secret = randomBytes(48).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  log(`generated an AUTH_SECRET in ${file} (set AUTH_SECRET to use your own)`);
  return secret;
}
