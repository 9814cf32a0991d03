/**
 * Keeps `pnpm start`'s children running: a child that exits while nobody asked it to stop is started
 * again after a growing pause, and only a crash loop (or Ctrl-C/SIGTERM) ends the whole run.
 */
import { type ManagedProcess, stopProcess } from "./processes.ts";

export interface RestartPolicyOptions {
  /** The pause before the first restart; each further crash doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A child that stayed up this long counts as healthy again: the next pause starts from the first. */
  stableAfterMs: number;
  /** This many crashes within crashWindowMs stop the run instead of restarting once more. */
  maxCrashes: number;
  crashWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 500,
  maxDelayMs: 10_000,
  stableAfterMs: 30_000,
  maxCrashes: 5,
  crashWindowMs: 60_000,
};

export type RestartDecision = { action: "restart"; delayMs: number } | { action: "give-up"; crashes: number };

/** The backoff and give-up rule for one child, kept free of processes and timers so it can be unit-tested. */
export class RestartPolicy {
  private readonly options: RestartPolicyOptions;
  private recentCrashes: number[] = [];
  private consecutiveRestarts = 0;

  constructor(options: Partial<RestartPolicyOptions> = {}) {
    this.options = { ...DEFAULT_RESTART_POLICY, ...options };
  }

  /** The child started at `startedAt` exited at `now` (both in ms). */
  onExit(startedAt: number, now: number): RestartDecision {
    const { initialDelayMs, maxDelayMs, stableAfterMs, maxCrashes, crashWindowMs } = this.options;
    if (now - startedAt >= stableAfterMs) this.consecutiveRestarts = 0;
    this.recentCrashes = [...this.recentCrashes.filter((at) => now - at < crashWindowMs), now];
    if (this.recentCrashes.length >= maxCrashes)
      return { action: "give-up", crashes: this.recentCrashes.length };
    const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** this.consecutiveRestarts);
    this.consecutiveRestarts += 1;
    return { action: "restart", delayMs };
  }
}

export interface SupervisedProcess {
  readonly name: string;
  /** The child running now (or the last one, while a restart waits). */
  readonly current: ManagedProcess;
  /** False once the supervisor gave up on it or stopped it. */
  readonly alive: boolean;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  /** Called once when a child crashed too often; the caller stops the rest and exits non-zero. */
  onGiveUp: (message: string) => void;
  policy?: Partial<RestartPolicyOptions>;
  /** How long a child may take to stop on SIGTERM before it gets SIGKILL. */
  stopGraceMs?: number;
}

interface Entry {
  name: string;
  current: ManagedProcess;
  startedAt: number;
  policy: RestartPolicy;
  restartTimer?: NodeJS.Timeout;
  alive: boolean;
}

export class Supervisor {
  private readonly entries: Entry[] = [];
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Starts a child with `start` and starts it again each time it exits on its own. */
  add(name: string, start: () => ManagedProcess): SupervisedProcess {
    const entry: Entry = {
      name,
      current: this.launch(name, start),
      startedAt: Date.now(),
      policy: new RestartPolicy(this.options.policy),
      alive: true,
    };
    this.entries.push(entry);
    this.watch(entry, start);
    return {
      name,
      get current() {
        return entry.current;
      },
      get alive() {
        return entry.alive;
      },
    };
  }

  /** Stops every child (SIGTERM to its process group, SIGKILL after the grace period) and cancels restarts. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.entries.map(async (entry) => {
        clearTimeout(entry.restartTimer);
        entry.alive = false;
        await stopProcess(entry.current, this.options.stopGraceMs);
      }),
    );
  }

  private launch(name: string, start: () => ManagedProcess): ManagedProcess {
    const managed = start();
    this.options.log(`${name} started (pid ${managed.child.pid})`);
    return managed;
  }

  private watch(entry: Entry, start: () => ManagedProcess) {
    const managed = entry.current;
    void managed.exited.then((code) => {
      if (this.stopping || entry.current !== managed) return;
      const signal = managed.child.signalCode;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const decision = entry.policy.onExit(entry.startedAt, Date.now());
      if (decision.action === "give-up") {
        entry.alive = false;
        const windowSeconds =
          (this.options.policy?.crashWindowMs ?? DEFAULT_RESTART_POLICY.crashWindowMs) / 1000;
        this.options.onGiveUp(
          `${entry.name} ${how}; it crashed ${decision.crashes} times within ${windowSeconds} s, so start gives up`,
        );
        return;
      }
      this.options.log(`${entry.name} ${how}; restarting in ${formatSeconds(decision.delayMs)}`);
      entry.restartTimer = setTimeout(() => {
        if (this.stopping) return;
        entry.current = this.launch(entry.name, start);
        entry.startedAt = Date.now();
        this.watch(entry, start);
      }, decision.delayMs);
    });
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
