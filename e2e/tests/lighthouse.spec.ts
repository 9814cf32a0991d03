import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import lighthouse from "lighthouse";
import { e2eEnv } from "../scripts/e2e-env.ts";

const CATEGORIES = ["accessibility", "best-practices", "seo"] as const;
const PAGES = ["/", "/c/kitchen", "/p/enamel-camp-mug", "/cart"];

/** Debian's Chromium with a DevTools port for Lighthouse; resolves once it is listening. */
async function launchChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "lighthouse-"));
  const chromium: ChildProcess = spawn(
    e2eEnv.CHROMIUM_PATH,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    // Its own process group, so stopping it stops its helper processes too.
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    chromium.stderr!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    chromium.on("exit", (code) => reject(new Error(`chromium exited (${code}): ${output}`)));
  });
  return {
    port,
    // Chromium's helper processes still write to the profile until they have exited: killing only the
    // browser left them writing its cache while the profile was removed (ENOTEMPTY in CI). The whole
    // group goes, and the removal retries while the last of them exit.
    stop: async () => {
      if (chromium.exitCode === null && chromium.signalCode === null) {
        const exited = new Promise((resolve) => chromium.once("exit", resolve));
        killGroup(chromium.pid);
        await exited;
      }
      killGroup(chromium.pid);
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
    },
  };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is gone already.
  }
}

test("Lighthouse scores accessibility, best practices and SEO at 95 or more on home, category, product and cart", async ({
  baseURL,
}) => {
  test.setTimeout(600_000);
  const chromium = await launchChromium();
  try {
    const scores: Record<string, Record<string, number>> = {};
    const failing: string[] = [];
    for (const path of PAGES) {
      const result = await lighthouse(`${baseURL}${path}`, {
        port: chromium.port,
        onlyCategories: [...CATEGORIES],
        output: "json",
        logLevel: "error",
      });
      const lhr = result!.lhr;
      scores[path] = {};
      for (const category of CATEGORIES) {
        const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
        scores[path][category] = score;
        if (score < 95) {
          const lost = (lhr.categories[category]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => ref.id);
          failing.push(`${path} ${category} ${score}: ${lost.join(", ")}`);
        }
      }
    }
    console.log(`lighthouse scores: ${JSON.stringify(scores)}`);
    expect(failing).toEqual([]);
  } finally {
    await chromium.stop();
  }
});
