import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { LoadSettings, Measurement } from "./measure.ts";
import type { Scenario } from "./scenarios.ts";

export type Verdict = "PASS" | "BELOW" | "-" | "ERRORS";

export interface ScenarioResult {
  name: string;
  target: Measurement;
  baseline: Measurement;
  ratio: number;
  minRatio: number | null;
  /** The latency goal of a row judged by the API's median instead of by ratio. */
  maxP50Ms?: number;
  verdict: Verdict;
}

const failed = (m: Measurement) =>
  m.non2xx > 0 || m.errors > 0 || m.timeouts > 0 || (m.background?.failed ?? 0) > 0;

export function judge(scenario: Scenario, target: Measurement, baseline: Measurement): ScenarioResult {
  const ratio = baseline.rps > 0 ? target.rps / baseline.rps : 0;
  // A ratio over failed requests means nothing: say so instead of passing or failing it.
  const goalMet =
    scenario.maxP50Ms !== undefined
      ? target.p50Ms <= scenario.maxP50Ms
      : scenario.minRatio === null
        ? undefined
        : ratio >= scenario.minRatio;
  const verdict: Verdict =
    failed(target) || failed(baseline) ? "ERRORS" : goalMet === undefined ? "-" : goalMet ? "PASS" : "BELOW";
  return {
    name: scenario.name,
    target,
    baseline,
    ratio,
    minRatio: scenario.minRatio,
    ...(scenario.maxP50Ms !== undefined && { maxP50Ms: scenario.maxP50Ms }),
    verdict,
  };
}

function goalOf(result: ScenarioResult): string {
  if (result.maxP50Ms !== undefined) return `p50<=${result.maxP50Ms}ms`;
  return result.minRatio === null ? "-" : `>=${result.minRatio}x`;
}

const rps = (value: number) => Math.round(value).toLocaleString("en-US");
// autocannon records whole milliseconds: 0 means under one.
const ms = (value: number) => (value < 1 ? "<1" : value.toFixed(0));

export function formatTable(results: ScenarioResult[]): string {
  const header = [
    "scenario",
    "target rps",
    "p50 ms",
    "p99 ms",
    "baseline rps",
    "p50 ms",
    "p99 ms",
    "ratio",
    "goal",
    "result",
  ];
  const rows = results.map((result) => [
    result.name,
    rps(result.target.rps),
    ms(result.target.p50Ms),
    ms(result.target.p99Ms),
    rps(result.baseline.rps),
    ms(result.baseline.p50Ms),
    ms(result.baseline.p99Ms),
    `${result.ratio.toFixed(2)}x`,
    goalOf(result),
    result.verdict,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  const lines = [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)];
  const problems = results.flatMap((result) =>
    (["target", "baseline"] as const)
      .filter((side) => failed(result[side]))
      .map((side) => {
        const m = result[side];
        return `  ${result.name} (${side}): ${m.non2xx} non-2xx, ${m.errors} errors, ${m.timeouts} timeouts`;
      }),
  );
  return [...lines, ...(problems.length ? ["", "Failed requests:", ...problems] : [])].join("\n");
}

/** The 1-minute load average: on a shared machine, anything else running skews every number. */
export const loadAverage = () => os.loadavg()[0]!.toFixed(2);

export async function writeReport(
  file: string,
  settings: LoadSettings,
  results: ScenarioResult[],
  loadAverageAtStart: string,
): Promise<void> {
  const report = {
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "unknown",
      node: process.version,
      loadAverageAtStart,
      loadAverageAtEnd: loadAverage(),
    },
    settings,
    scenarios: results,
  };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
