import autocannon from "autocannon";

/** One HTTP endpoint under load; `vary` gives each request its own headers and body (shopper, product). */
export interface LoadTarget {
  origin: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  vary?: () => { headers?: Record<string, string>; body?: string };
}

export interface LoadSettings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface Measurement {
  /** Successful (2xx) responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** What the side load achieved during the measurement, when there was one. */
  background?: { rps: number; failed: number };
}

function load(
  target: LoadTarget,
  seconds: number,
  connections: number,
  overallRate?: number,
): Promise<autocannon.Result> {
  const { vary } = target;
  return autocannon({
    url: `${target.origin}${target.path}`,
    method: target.method,
    headers: target.headers,
    connections,
    duration: seconds,
    ...(overallRate !== undefined && { overallRate }),
    requests: [
      {
        setupRequest: (request) => {
          if (!vary) return request;
          const next = vary();
          return { ...request, headers: { ...request.headers, ...next.headers }, body: next.body };
        },
      },
    ],
  });
}

/** Sends one request like the load will, and refuses to measure a target that does not answer 2xx. */
export async function checkTarget(target: LoadTarget): Promise<void> {
  const next = target.vary?.() ?? {};
  const response = await fetch(`${target.origin}${target.path}`, {
    method: target.method,
    headers: { ...target.headers, ...next.headers },
    body: next.body,
  });
  if (!response.ok) {
    throw new Error(
      `${target.method} ${target.origin}${target.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  }
  await response.arrayBuffer();
}

/** Other traffic running on the side of a measurement, at a fixed rate. */
export interface BackgroundLoad {
  target: LoadTarget;
  ratePerSecond: number;
  connections: number;
}

/**
 * Warms the target up (result discarded), then measures it; with `background`, that load runs at its
 * fixed rate for the whole time, and what it achieved is returned with the measurement.
 */
export async function measure(
  target: LoadTarget,
  settings: LoadSettings,
  background?: BackgroundLoad,
): Promise<Measurement> {
  const side = background
    ? load(
        background.target,
        settings.warmupSeconds + settings.seconds,
        background.connections,
        background.ratePerSecond,
      )
    : undefined;
  if (settings.warmupSeconds > 0) await load(target, settings.warmupSeconds, settings.connections);
  const result = await load(target, settings.seconds, settings.connections);
  const sideResult = await side;
  return {
    ...(sideResult && {
      background: {
        rps: sideResult["2xx"] / sideResult.duration,
        failed: sideResult.non2xx + sideResult.errors + sideResult.timeouts,
      },
    }),
    rps: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
