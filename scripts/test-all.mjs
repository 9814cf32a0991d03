// `pnpm test`: every suite (unit, integration, e2e), one after another, non-interactive.
// Every suite runs even if an earlier one failed, so the closing line counts everything; the exit
// code is non-zero if any test failed or any suite could not report.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = "reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" },
  });
  return result.status ?? 1;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}

const results = [];

const vitestReport = `${reports}/vitest.json`;
const vitestExit = run("pnpm", [
  "exec",
  "vitest",
  "run",
  "--coverage",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
if (vitest) {
  const count = (integration) => {
    let passed = 0;
    let failed = 0;
    for (const file of vitest.testResults) {
      if (file.name.endsWith(".integration.test.ts") !== integration) continue;
      for (const test of file.assertionResults) {
        if (test.status === "passed") passed += 1;
        else if (test.status === "failed") failed += 1;
      }
      // A file that failed to load has no assertions but must still count as a failure.
      if (file.status === "failed" && file.assertionResults.length === 0) failed += 1;
    }
    return { passed, failed };
  };
  results.push({ suite: "unit", ...count(false) });
  results.push({ suite: "integration", ...count(true) });
  if (vitestExit !== 0 && results.every((r) => r.failed === 0))
    results.push({ suite: "vitest (exit code)", passed: 0, failed: 1 });
} else {
  results.push({ suite: "unit + integration (no report)", passed: 0, failed: 1 });
}

const playwrightReport = `${reports}/playwright.json`;
const e2eExit = run("pnpm", ["--filter", "@stockroom/e2e", "test"]);
const playwright = readJson(playwrightReport);
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats ?? {};
  const errors = playwright.errors?.length ?? 0;
  results.push({ suite: "e2e", passed: expected + flaky, failed: unexpected + errors });
  if (e2eExit !== 0 && unexpected + errors === 0)
    results.push({ suite: "e2e (exit code)", passed: 0, failed: 1 });
} else {
  results.push({ suite: "e2e (no report)", passed: 0, failed: 1 });
}

const coverage = readJson(`${reports}/coverage/coverage-summary.json`);
const coverageLine = coverage
  ? `coverage of packages/api services: ${coverage.total.lines.pct}% of lines (minimum 90%)`
  : "coverage of packages/api services: not measured";

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log("");
console.log(`  ${coverageLine}`);
for (const r of results) console.log(`  ${r.suite.padEnd(32)} ${r.passed} passed, ${r.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
