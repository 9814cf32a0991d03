import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProcess } from "./processes.ts";
import { Supervisor } from "./supervisor.ts";

// A child that counts its starts in a file, crashes the first CRASHES times, then stays up until SIGTERM.
const FLAKY_CHILD = `
import { readFileSync, writeFileSync } from "node:fs";
const file = process.env.COUNT_FILE;
let starts = 0;
try { starts = Number(readFileSync(file, "utf8")); } catch {}
writeFileSync(file, String(starts + 1));
if (starts < Number(process.env.CRASHES)) process.exit(1);
process.on("SIGTERM", () => { writeFileSync(file + ".stopped", "yes"); process.exit(0); });
setInterval(() => {}, 1000);
`;

// A wrapper (like pnpm) that runs a server as its own child and, like pnpm, does not pass SIGTERM on.
const WRAPPER = `
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
const server = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
writeFileSync(process.env.PID_FILE, String(server.pid));
process.on("SIGTERM", () => {});
setInterval(() => {}, 1000);
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "stockroom-supervisor-"));
  await writeFile(path.join(dir, "flaky.mjs"), FLAKY_CHILD);
  await writeFile(path.join(dir, "wrapper.mjs"), WRAPPER);
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function starts(countFile: string): Promise<number> {
  return Number(await readFile(countFile, "utf8").catch(() => "0"));
}

function flaky(name: string, crashes: number) {
  const countFile = path.join(dir, `${name}.count`);
  const start = () =>
    startProcess(name, process.execPath, [path.join(dir, "flaky.mjs")], {
      cwd: dir,
      env: { ...process.env, COUNT_FILE: countFile, CRASHES: String(crashes) },
    });
  return { countFile, start };
}

describe("the pnpm start supervisor over a crashing child", () => {
  it("restarts a child that crashes three times, with growing pauses, and leaves it running", async () => {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const supervisor = new Supervisor({
      log: (line) => lines.push(line),
      onGiveUp: (message) => gaveUp.push(message),
      policy: { initialDelayMs: 100, maxCrashes: 10 },
    });
    const child = flaky("three-crashes", 3);
    const supervised = supervisor.add("flaky", child.start);

    await until(async () => (await starts(child.countFile)) === 4, "the fourth start");
    // Still the fourth child a moment later: it stays up, nothing restarts it again.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await starts(child.countFile)).toBe(4);
    expect(supervised.alive).toBe(true);
    expect(supervised.current.child.exitCode).toBeNull();
    expect(gaveUp).toEqual([]);
    expect(lines.filter((line) => line.includes("restarting"))).toEqual([
      "flaky exited with code 1; restarting in 0.1 s",
      "flaky exited with code 1; restarting in 0.2 s",
      "flaky exited with code 1; restarting in 0.4 s",
    ]);

    await supervisor.stopAll();
    expect(await supervised.current.exited).toBe(0);
    expect(await readFile(`${child.countFile}.stopped`, "utf8")).toBe("yes");
  });

  it("gives up with a clear message when the child keeps crashing inside the window", async () => {
    const lines: string[] = [];
    let gaveUp: string | undefined;
    const supervisor = new Supervisor({
      log: (line) => lines.push(line),
      onGiveUp: (message) => {
        gaveUp = message;
      },
      policy: { initialDelayMs: 50, maxCrashes: 3, crashWindowMs: 60_000 },
    });
    const child = flaky("always-crashes", 1_000);
    const supervised = supervisor.add("flaky", child.start);

    await until(() => gaveUp !== undefined, "the supervisor to give up");
    expect(gaveUp).toBe("flaky exited with code 1; it crashed 3 times within 60 s, so start gives up");
    expect(supervised.alive).toBe(false);
    expect(await starts(child.countFile)).toBe(3);
    expect(lines.filter((line) => line.includes("restarting"))).toHaveLength(2);
    await supervisor.stopAll();
  });

  it("stops a wrapper that ignores SIGTERM and the server it started, by process group, SIGKILL after the grace", async () => {
    const pidFile = path.join(dir, "server.pid");
    const supervisor = new Supervisor({ log: () => {}, onGiveUp: () => {}, stopGraceMs: 500 });
    const supervised = supervisor.add("wrapped", () =>
      startProcess("wrapped", process.execPath, [path.join(dir, "wrapper.mjs")], {
        cwd: dir,
        env: { ...process.env, PID_FILE: pidFile },
      }),
    );
    await until(async () => (await readFile(pidFile, "utf8").catch(() => "")) !== "", "the server's pid");
    const serverPid = Number(await readFile(pidFile, "utf8"));
    expect(isRunning(serverPid)).toBe(true);

    await supervisor.stopAll();
    expect(supervised.current.child.signalCode).toBe("SIGKILL");
    await until(() => !isRunning(serverPid), "the wrapped server to stop");
  });
});
