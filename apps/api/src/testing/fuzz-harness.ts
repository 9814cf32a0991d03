import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import type { FuzzTarget, HttpRequest } from "./fuzz-targets.ts";
import { changedTables, type TableSnapshot, type TableSnapshotter } from "./table-snapshot.ts";

// Sends generated inputs to the real server and judges each answer: never a 5xx, never a stack or
// SQL in a body, and a refused request (4xx) changes no row. Every distinct problem is kept (with its
// shrunk input and the server's logged error), so one run lists all of them.

export interface FuzzCaller {
  role: string;
  /** The session cookie header, for a signed-in role. */
  cookie?: string;
}

export interface Problem {
  kind: "5xx" | "leak" | "rows changed" | "no response";
  detail: string;
  /** What makes two problems the same bug, when the detail varies (a leak's pattern). */
  sameAs?: string;
}

export interface Outcome {
  request: HttpRequest;
  status: number;
  body: string;
  serverError?: string;
  problem?: Problem;
}

export interface FuzzFailure {
  target: string;
  role: string;
  seed: number;
  problem: Problem;
  status: number;
  /** The shrunk input, as generated (before it was put on the wire). */
  input: unknown;
  request: string;
  serverError?: string;
  responseBody: string;
}

/** Records what the server logs as an error, per request id (the fuzz server's logger is silent). */
export function captureServerErrors(app: FastifyInstance) {
  const errors = new Map<string, string>();
  app.addHook("onRequest", async (request) => {
    request.log.error = ((fields: unknown, message?: string) => {
      const err = (fields as { err?: unknown })?.err ?? fields;
      errors.set(String(request.id), describeError(err, message));
    }) as typeof request.log.error;
  });
  return {
    take(requestId: string | null): string | undefined {
      if (!requestId) return undefined;
      const error = errors.get(requestId);
      errors.delete(requestId);
      return error;
    },
  };
}

export type ServerErrorLog = ReturnType<typeof captureServerErrors>;

function describeError(err: unknown, message?: string): string {
  if (!(err instanceof Error)) return `${message ?? "error"}: ${preview(err)}`;
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? "")
    .split("\n")
    .filter((line) => line.trim().startsWith("at ") && !line.includes("node_modules"))
    .slice(0, 3)
    .map((line) => line.trim());
  return [`${err.name}${code ? ` [${String(code)}]` : ""}: ${err.message}`, ...frames].join("\n      ");
}

const LEAK_PATTERNS: readonly RegExp[] = [
  /\bat [^\n]*\.(?:ts|js|mjs|cjs):\d+/,
  /node_modules/,
  /\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM) /,
  /prisma/i,
  /violates|duplicate key|syntax error at|invalid input (?:syntax|value)|out of range for type|relation "/i,
  /\b(?:TypeError|RangeError|ReferenceError):/,
  /Cannot read propert|is not a function|Maximum call stack/,
  /ECONNREFUSED|ETIMEDOUT/,
];

function stringLeaves(value: unknown, into: Set<string>, depth = 0): Set<string> {
  if (depth > 50) return into;
  if (typeof value === "string") into.add(value);
  else if (typeof value === "object" && value !== null)
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      stringLeaves(item, into, depth + 1);
    }
  return into;
}

/** A stack or SQL in the response, not counting what the request itself sent (errors may echo input). */
export function leakIn(body: string, input: unknown): string | undefined {
  let text = body;
  const echoes = [...stringLeaves(input, new Set())].filter((leaf) => leaf.length >= 4);
  for (const echo of echoes.sort((a, b) => b.length - a.length)) {
    text = text.replaceAll(echo, "").replaceAll(JSON.stringify(echo).slice(1, -1), "");
  }
  if (/"stack"\s*:/.test(text)) return 'a "stack" field';
  return LEAK_PATTERNS.find((pattern) => pattern.test(text))?.source;
}

/** A short, readable rendering of an input: long strings and deep nesting abbreviated. */
export function preview(value: unknown, depth = 0): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 30)}…(${value.length} chars)` : value;
    return JSON.stringify(shown);
  }
  if (typeof value !== "object" || value === null) return Object.is(value, -0) ? "-0" : String(value);
  if (depth >= 6) return Array.isArray(value) ? "[…nested]" : "{…nested}";
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map((item) => preview(item, depth + 1));
    return `[${items.join(", ")}${value.length > 8 ? `, …(${value.length} items)` : ""}]`;
  }
  const entries = Object.entries(value);
  const shown = entries
    .slice(0, 12)
    .map(([key, item]) => `${JSON.stringify(key)}: ${preview(item, depth + 1)}`);
  return `{${shown.join(", ")}${entries.length > 12 ? ", …" : ""}}`;
}

function requestSummary(request: HttpRequest): string {
  const path =
    request.path.length > 200 ? `${request.path.slice(0, 200)}…(${request.path.length} chars)` : request.path;
  const body = request.body === undefined ? "" : ` body ${request.body.length} chars`;
  return `${request.method} ${path}${body}`;
}

/** One line per kind of problem, so the same bug found twice is reported once. */
function signatureOf(outcome: Outcome): string {
  const what =
    (outcome.problem?.sameAs ?? outcome.serverError ?? outcome.problem?.detail ?? "").split("\n")[0] ?? "";
  const normalized = what
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d+/g, "<n>")
    .slice(0, 160);
  return `${outcome.problem?.kind} ${Math.floor(outcome.status / 100)}xx ${normalized}`;
}

export interface FuzzOptions {
  seed: number;
  numRuns: number;
  /** After a failure is shrunk, run again (same seed) looking for a different one; at most this many times. */
  rounds?: number;
  /** Shrink steps per failure, so one bug cannot eat the time budget. */
  maxShrinks?: number;
}

export class FuzzHarness {
  private lastSnapshot: TableSnapshot | undefined;

  constructor(
    private readonly options: {
      baseUrl: string;
      origin: string;
      snapshotter: TableSnapshotter;
      serverErrors: ServerErrorLog;
    },
  ) {}

  /** Sends one input and judges the answer. */
  async send(target: FuzzTarget, caller: FuzzCaller, input: unknown): Promise<Outcome> {
    const request = target.toRequest(input);
    // Only mutations are checked for changed rows: that is where a refusal could leave a write behind.
    const checksRows = target.kind === "mutation";
    const before = checksRows ? (this.lastSnapshot ?? (await this.options.snapshotter.take())) : undefined;
    const headers: Record<string, string> = { ...request.headers };
    if (request.method !== "GET") headers.origin = this.options.origin;
    if (caller.cookie) headers.cookie = caller.cookie;
    let status: number;
    let body: string;
    let requestId: string | null;
    try {
      const response = await fetch(`${this.options.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body: request.body,
      });
      status = response.status;
      requestId = response.headers.get("x-request-id");
      body = await response.text();
    } catch (error) {
      this.lastSnapshot = undefined;
      return { request, status: 0, body: "", problem: { kind: "no response", detail: String(error) } };
    }
    const outcome: Outcome = {
      request,
      status,
      body,
      serverError: this.options.serverErrors.take(requestId),
    };
    const leak = leakIn(body, input);
    if (status >= 500) outcome.problem = { kind: "5xx", detail: `${status} ${body.slice(0, 200)}` };
    // A leak is one bug whatever the leaked message says (each forged input words it differently).
    else if (leak)
      outcome.problem = { kind: "leak", detail: `${leak} in ${body.slice(0, 300)}`, sameAs: leak };
    if (before && status >= 400) {
      // Refused (or failed): nothing may have changed. Its snapshot is the next request's "before".
      const after = await this.options.snapshotter.take();
      const changed = changedTables(before, after);
      if (changed.length > 0 && !outcome.problem)
        outcome.problem = { kind: "rows changed", detail: `a ${status} changed ${changed.join(", ")}` };
      this.lastSnapshot = after;
    } else {
      // A success may write (and so, rarely, may a query: a lazily created cart row), so the next
      // mutation takes its own "before".
      this.lastSnapshot = undefined;
    }
    return outcome;
  }

  /**
   * Runs the property "no problem" for one target and caller. Each distinct problem fails the property
   * once, is shrunk and recorded; the next round looks for problems not yet recorded.
   */
  async fuzz(
    target: FuzzTarget,
    caller: FuzzCaller,
    arbitrary: fc.Arbitrary<unknown>,
    options: FuzzOptions,
  ): Promise<FuzzFailure[]> {
    const known = new Set<string>();
    const failures: FuzzFailure[] = [];
    const limited = fc.limitShrink(arbitrary, options.maxShrinks ?? 60);
    for (let round = 0; round < (options.rounds ?? 4); round += 1) {
      let lastFailing: Outcome | undefined;
      const details = await fc.check(
        fc.asyncProperty(limited, async (input) => {
          const outcome = await this.send(target, caller, input);
          if (!outcome.problem || known.has(signatureOf(outcome))) return true;
          lastFailing = outcome;
          return false;
        }),
        { seed: options.seed, numRuns: options.numRuns },
      );
      if (!details.failed) break;
      // A failure that is not a judged outcome is the harness's own error: never let it pass quietly.
      if (!lastFailing?.problem)
        throw new Error(`fuzzing ${target.name} as ${caller.role} (seed ${options.seed}) broke`, {
          cause: details.errorInstance,
        });
      known.add(signatureOf(lastFailing));
      failures.push({
        target: target.name,
        role: caller.role,
        seed: options.seed,
        problem: lastFailing.problem,
        status: lastFailing.status,
        input: details.counterexample?.[0],
        request: requestSummary(lastFailing.request),
        serverError: lastFailing.serverError,
        responseBody: lastFailing.body.slice(0, 300),
      });
    }
    return failures;
  }
}

/** The report of one failure; `replay` says how to run it again (the run's seed and filter). */
export function formatFailure(failure: FuzzFailure, replay: string): string {
  return [
    `${failure.target} as ${failure.role}: ${failure.problem.kind} (status ${failure.status})`,
    `    replay: ${replay} (property seed ${failure.seed})`,
    `    shrunk input: ${preview(failure.input)}`,
    `    request: ${failure.request}`,
    `    response: ${failure.responseBody}`,
    `    ${failure.problem.kind === "5xx" ? "server log" : "detail"}: ${failure.serverError ?? failure.problem.detail}`,
  ].join("\n");
}
