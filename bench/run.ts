/**
 * `pnpm bench`: the real API against bare baselines measured in the same run, on a fresh
 * `stockroom_bench` database. Not part of `pnpm test`. See docs/benchmarks.md.
 */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { type ManagedProcess, stopProcess } from "../scripts/processes.ts";
import { type AdminPage, adminScenarios, captureAdminPages, signInAdmin } from "./admin-lists.ts";
import { assertPortsFree, startApi, waitUntilReady } from "./api-server.ts";
import { startListBaseline, startOrderBaseline } from "./baselines.ts";
import { readBenchEnv } from "./env.ts";
import { captureListPages } from "./list-pages.ts";
import { checkTarget, type LoadSettings, measure } from "./measure.ts";
import { formatTable, judge, loadAverage, type ScenarioResult, writeReport } from "./report.ts";
import { buildScenarios } from "./scenarios.ts";
import { SHOPPER_PASSWORD, setUpBenchDatabase } from "./setup-database.ts";
import { signInShoppers, signOutShoppers } from "./shoppers.ts";
import { captureStorefrontPages, storefrontPaths } from "./storefront-pages.ts";
import { startWeb } from "./web-server.ts";

const SPREAD_PRODUCTS = 1_000;
const REPORT_FILE = fileURLToPath(new URL("../reports/bench.json", import.meta.url));
const log = (line: string) => console.log(`[bench] ${line}`);

const env = readBenchEnv();
const settings: LoadSettings = {
  seconds: env.BENCH_SECONDS,
  warmupSeconds: env.BENCH_WARMUP_SECONDS,
  connections: env.BENCH_CONNECTIONS,
};
const origin = (port: number) => `http://127.0.0.1:${port}`;
const running: ManagedProcess[] = [];
const loadAverageAtStart = loadAverage();

async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map((managed) => stopProcess(managed)));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping servers`);
    void stopAll().then(() => process.exit(130));
  });
}

/** Whether BENCH_ONLY (empty: everything) selects a scenario of this name. */
function selected(name: string): boolean {
  const lower = name.toLowerCase();
  return env.BENCH_ONLY.length === 0 || env.BENCH_ONLY.some((word) => lower.includes(word));
}

/**
 * With BENCH_LARGE_DATABASE_URL (and an admin row selected), a second API on that database, the
 * admin signed in, and the admin pages captured; without it, the admin rows are skipped.
 */
async function startLargeApi(): Promise<
  { cookie: string; pages: AdminPage[]; bodies: Record<string, string> } | undefined
> {
  const url = env.BENCH_LARGE_DATABASE_URL;
  if (!url || !selected("admin")) {
    if (!url) log("admin rows skipped: set BENCH_LARGE_DATABASE_URL to a database with the large seed");
    return undefined;
  }
  log(`starting a second API on ${origin(env.BENCH_LARGE_API_PORT)} over ${new URL(url).pathname.slice(1)}`);
  const api = startApi({
    port: env.BENCH_LARGE_API_PORT,
    databaseUrl: url,
    redisUrl: env.BENCH_REDIS_URL,
    poolSize: env.BENCH_POOL_SIZE,
  });
  running.push(api);
  await waitUntilReady(api, env.BENCH_LARGE_API_PORT);
  const cookie = await signInAdmin(
    origin(env.BENCH_LARGE_API_PORT),
    env.BENCH_LARGE_ADMIN_EMAIL,
    env.BENCH_LARGE_ADMIN_PASSWORD,
  );
  return { cookie, ...(await captureAdminPages(origin(env.BENCH_LARGE_API_PORT), cookie)) };
}

async function main(): Promise<ScenarioResult[]> {
  await assertPortsFree([
    env.BENCH_API_PORT,
    env.BENCH_LIST_BASELINE_PORT,
    env.BENCH_ORDER_BASELINE_PORT,
    env.BENCH_WEB_PORT,
    ...(env.BENCH_LARGE_DATABASE_URL ? [env.BENCH_LARGE_API_PORT] : []),
  ]);
  log(
    `${os.cpus().length} CPUs (load average ${loadAverageAtStart}), ${settings.seconds} s per measurement after ${settings.warmupSeconds} s warm-up, ${settings.connections} connections`,
  );
  log(
    `preparing ${new URL(env.BENCH_DATABASE_URL).pathname.slice(1)} (drop, migrate, job queue, demo seed, 2 x ${SPREAD_PRODUCTS + 2} bench products)`,
  );
  const catalog = await setUpBenchDatabase(env.BENCH_DATABASE_URL, SPREAD_PRODUCTS);

  log(`starting the API on ${origin(env.BENCH_API_PORT)}`);
  const api = startApi({
    port: env.BENCH_API_PORT,
    databaseUrl: env.BENCH_DATABASE_URL,
    redisUrl: env.BENCH_REDIS_URL,
    poolSize: env.BENCH_POOL_SIZE,
    profileDir: env.BENCH_API_PROFILE_DIR,
  });
  running.push(api);
  await waitUntilReady(api, env.BENCH_API_PORT);
  const shoppers = await signInShoppers(origin(env.BENCH_API_PORT), env.BENCH_SHOPPERS, SHOPPER_PASSWORD);
  log(`${shoppers.length} shoppers signed in`);
  const pages = await captureListPages(
    origin(env.BENCH_API_PORT),
    env.BENCH_DATABASE_URL,
    env.BENCH_REDIS_URL,
  );
  const large = await startLargeApi();
  const withStorefront = selected("storefront");
  let pagePaths: string[] = [];
  let storefront: Record<string, string> = {};
  if (withStorefront) {
    log(`building and starting the storefront on ${origin(env.BENCH_WEB_PORT)}`);
    running.push(await startWeb({ port: env.BENCH_WEB_PORT, apiPort: env.BENCH_API_PORT }));
    pagePaths = await storefrontPaths(env.BENCH_DATABASE_URL);
    storefront = await captureStorefrontPages(origin(env.BENCH_WEB_PORT), pagePaths);
  }
  running.push(
    await startListBaseline({
      port: env.BENCH_LIST_BASELINE_PORT,
      pages: { ...pages, ...storefront, ...large?.bodies },
    }),
  );
  running.push(
    await startOrderBaseline({
      port: env.BENCH_ORDER_BASELINE_PORT,
      databaseUrl: env.BENCH_DATABASE_URL,
      poolSize: env.BENCH_POOL_SIZE,
    }),
  );

  const scenarios = buildScenarios(
    {
      api: origin(env.BENCH_API_PORT),
      web: origin(env.BENCH_WEB_PORT),
      listBaseline: origin(env.BENCH_LIST_BASELINE_PORT),
      orderBaseline: origin(env.BENCH_ORDER_BASELINE_PORT),
    },
    catalog,
    shoppers,
    pagePaths,
  );
  if (large)
    scenarios.push(
      ...adminScenarios(
        { largeApi: origin(env.BENCH_LARGE_API_PORT), listBaseline: origin(env.BENCH_LIST_BASELINE_PORT) },
        large.cookie,
        large.pages,
        env.BENCH_ADMIN_CONNECTIONS,
      ),
    );
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios.filter((each) => selected(each.name))) {
    await checkTarget(scenario.target);
    await checkTarget(scenario.baseline);
    const rowSettings = { ...settings, connections: scenario.connections ?? settings.connections };
    log(`${scenario.name}: API`);
    const target = await measure(scenario.target, rowSettings, scenario.background?.target);
    log(`${scenario.name}: baseline`);
    const baseline = await measure(scenario.baseline, rowSettings, scenario.background?.baseline);
    for (const [side, measured] of [
      ["API", target],
      ["baseline", baseline],
    ] as const) {
      if (measured.background)
        log(
          `${scenario.name}: side load on the ${side} ran at ${Math.round(measured.background.rps)}/s, ${measured.background.failed} failed`,
        );
    }
    results.push(judge(scenario, target, baseline));
  }
  await signOutShoppers(origin(env.BENCH_API_PORT), shoppers);
  return results;
}

let exitCode = 0;
try {
  const results = await main();
  console.log(`\n${formatTable(results)}\n`);
  log(`load average: ${loadAverageAtStart} at start, ${loadAverage()} at end`);
  await writeReport(REPORT_FILE, settings, results, loadAverageAtStart);
  log(`wrote ${REPORT_FILE}`);
  if (results.some((result) => result.verdict === "ERRORS")) exitCode = 1;
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
