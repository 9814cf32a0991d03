import { timingSafeEqual } from "node:crypto";
import { InsufficientInventoryError, restRouter } from "@stockroom/api";
import { type Db, poolOf } from "@stockroom/db";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const METRICS_PATH = "/metrics";
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/** The reasons an order is refused: a short, fixed list, so the label stays bounded. */
type RefusalReason =
  | "insufficient_inventory"
  | "invalid_input"
  | "conflict"
  | "rate_limited"
  | "unauthorized"
  | "not_found"
  | "unavailable"
  | "error";

const reasonByCode: Record<string, RefusalReason> = {
  BAD_REQUEST: "invalid_input",
  PARSE_ERROR: "invalid_input",
  UNPROCESSABLE_CONTENT: "invalid_input",
  CONFLICT: "conflict",
  TOO_MANY_REQUESTS: "rate_limited",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "unauthorized",
  NOT_FOUND: "not_found",
  SERVICE_UNAVAILABLE: "unavailable",
};

/** A tRPC error (from either adapter's onError) as a refusal reason. */
export function refusalReasonOf(error: { code: string; cause?: unknown }): RefusalReason {
  if (error.cause instanceof InsufficientInventoryError) return "insufficient_inventory";
  return reasonByCode[error.code] ?? "error";
}

const REST_ROUTE = "/api/*";

/**
 * The REST operations' path templates (trpc-to-openapi serves them all from one "/api/*" route), so the
 * histogram is labelled by operation ("/api/products/{id}"), never by raw URL. The REST adapter rewrites
 * request.url without its "/api" prefix; both forms are matched.
 */
function restRouteMatcher(): (method: string, url: string) => string {
  const exact = new Map<string, string>();
  const templated: { method: string; pattern: RegExp; template: string }[] = [];
  for (const procedure of Object.values(restRouter._def.procedures) as { _def: { meta?: unknown } }[]) {
    const openapi = (procedure._def.meta as { openapi?: { method: string; path: string } } | undefined)
      ?.openapi;
    if (!openapi) continue;
    const template = `/api${openapi.path}`;
    if (!template.includes("{")) exact.set(`${openapi.method} ${openapi.path}`, template);
    else {
      const source = openapi.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
      templated.push({ method: openapi.method, pattern: new RegExp(`^(?:/api)?${source}$`), template });
    }
  }
  return (method, url) => {
    const queryAt = url.indexOf("?");
    let path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.startsWith("/api/")) path = path.slice(4);
    const found = exact.get(`${method} ${path}`);
    if (found) return found;
    for (const route of templated)
      if (route.method === method && route.pattern.test(path)) return route.template;
    return "unmatched";
  };
}

type DurationLabel = "method" | "route" | "status_code";
interface DurationSeries {
  labels: Record<DurationLabel, string | number>;
  /** Observations per bucket, not cumulative (summed on scrape); the last one is +Inf. */
  buckets: number[];
  sum: number;
  count: number;
}
const DURATION_NAME = "http_request_duration_seconds";
const DURATION_HELP = "HTTP request duration by route pattern and status";
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * http_request_duration_seconds, recorded by a string key and a short loop: prom-client's own observe
 * validates and hashes the label object on every call, which cost a measured slice of a cached read.
 * Scrapes read the series in prom-client's histogram shape.
 */
class RequestDurations extends Histogram<DurationLabel> {
  readonly #series = new Map<string, DurationSeries>();

  record(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.#series.get(key);
    if (series === undefined) {
      series = {
        labels: { method, route, status_code: status },
        buckets: new Array<number>(DURATION_BUCKETS.length + 1).fill(0),
        sum: 0,
        count: 0,
      };
      this.#series.set(key, series);
    }
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > (DURATION_BUCKETS[bucket] ?? 0)) bucket++;
    series.buckets[bucket] = (series.buckets[bucket] ?? 0) + 1;
    series.sum += seconds;
    series.count++;
  }

  // prom-client's Registry formats a histogram from getForPromString (its get() calls it too).
  async getForPromString() {
    const name = DURATION_NAME;
    const values: { metricName: string; labels: Record<string, string | number>; value: number }[] = [];
    for (const series of this.#series.values()) {
      let cumulative = 0;
      series.buckets.forEach((observations, index) => {
        cumulative += observations;
        const le = DURATION_BUCKETS[index] ?? "+Inf";
        values.push({ metricName: `${name}_bucket`, labels: { ...series.labels, le }, value: cumulative });
      });
      values.push({ metricName: `${name}_sum`, labels: series.labels, value: series.sum });
      values.push({ metricName: `${name}_count`, labels: series.labels, value: series.count });
    }
    return { name, help: DURATION_HELP, type: "histogram", values, aggregator: "sum" };
  }
}

export interface Metrics {
  registry: Registry;
  orderPlaced(count?: number): void;
  orderRefused(error: { code: string; cause?: unknown }): void;
}

interface QueueRow {
  task: string;
  depth: number;
  oldest: number;
}

/** Job count and the age of the oldest due job per task, read from graphile-worker's view on scrape only. */
const QUEUE_SQL = `SELECT task_identifier AS task, count(*)::int AS depth,
  greatest(0, extract(epoch FROM now() - min(run_at)))::float8 AS oldest
  FROM graphile_worker.jobs GROUP BY 1`;

/**
 * The API's Prometheus metrics, in a registry of its own (tests build several servers in one process).
 * Per request only a histogram observe and, for catalog reads, a counter increment happen; queue, pool
 * and event-loop numbers are read when /metrics is scraped.
 */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const placed = new Counter({
    name: "stockroom_orders_total",
    help: "Orders placed (REST and tRPC)",
    labelNames: ["outcome"],
    registers: [registry],
  });
  placed.inc({ outcome: "placed" }, 0);
  const refused = new Counter({
    name: "stockroom_orders_refused_total",
    help: "Order placements refused, by reason",
    labelNames: ["reason"],
    registers: [registry],
  });
  const pool = poolOf(db);
  new Gauge({
    name: "stockroom_db_pool_connections",
    help: "Postgres pool connections by state (in_use, idle)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      if (!pool) return;
      this.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
      this.set({ state: "idle" }, pool.idleCount);
    },
  });
  new Gauge({
    name: "stockroom_db_pool_waiting",
    help: "Queries waiting for a Postgres pool connection",
    registers: [registry],
    collect() {
      if (pool) this.set(pool.waitingCount);
    },
  });
  // Both queue gauges read one query: prom-client collects a registry's metrics side by side.
  let queueRead: Promise<QueueRow[]> | undefined;
  function readQueue(): Promise<QueueRow[]> {
    if (!pool) return Promise.resolve([]);
    queueRead ??= pool
      .query<QueueRow>(QUEUE_SQL)
      .then(
        ({ rows }) => rows,
        // No queue schema yet, or Postgres is down: the scrape still answers, without these series.
        () => [],
      )
      .finally(() => {
        queueRead = undefined;
      });
    return queueRead;
  }
  new Gauge({
    name: "stockroom_job_queue_depth",
    help: "Jobs in graphile-worker's queue, by task",
    labelNames: ["task"],
    registers: [registry],
    async collect() {
      const rows = await readQueue();
      this.reset();
      for (const row of rows) this.set({ task: row.task }, row.depth);
    },
  });
  new Gauge({
    name: "stockroom_job_queue_oldest_age_seconds",
    help: "Age of the oldest due job, by task",
    labelNames: ["task"],
    registers: [registry],
    async collect() {
      const rows = await readQueue();
      this.reset();
      for (const row of rows) this.set({ task: row.task }, row.oldest);
    },
  });
  return {
    registry,
    orderPlaced: (count = 1) => placed.inc({ outcome: "placed" }, count),
    orderRefused: (error) => refused.inc({ reason: refusalReasonOf(error) }),
  };
}

/**
 * A client on this host talking to the API itself: a proxy on the same host (nginx, the web app) also
 * connects from loopback, so a request it forwarded (X-Forwarded-For or Forwarded) does not count.
 */
function isDirectLoopback(request: FastifyRequest): boolean {
  const { headers } = request;
  if (headers["x-forwarded-for"] !== undefined || headers.forwarded !== undefined) return false;
  return LOOPBACK.has(request.socket.remoteAddress ?? "");
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /metrics and the per-request hook. With a token, a scrape must send `Authorization: Bearer <token>`
 * (401 otherwise); without one, only direct clients on this host (the socket's own address, never
 * X-Forwarded-For, and no forwarded request) are answered, and others get the 404 any unknown path gets.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, options: { token?: string }): void {
  const duration = new RequestDurations({
    name: DURATION_NAME,
    help: DURATION_HELP,
    labelNames: ["method", "route", "status_code"],
    buckets: DURATION_BUCKETS,
    registers: [metrics.registry],
  });
  const cache = new Counter({
    name: "stockroom_catalog_response_cache_total",
    help: "Shared catalog reads answered from the response cache (hit) or not (miss)",
    labelNames: ["result"],
    registers: [metrics.registry],
  });

  const restRouteOf = restRouteMatcher();
  // Callback style and no promise: this runs for every response.
  app.addHook("onResponse", (request, reply, done) => {
    let route = request.routeOptions.url ?? "unmatched";
    if (route === REST_ROUTE) route = restRouteOf(request.method, request.url);
    if (route !== METRICS_PATH) {
      const status = reply.statusCode;
      duration.record(request.method, route, status, reply.elapsedTime / 1000);
      const cached = reply.getHeader("x-cache");
      if (cached === "hit" || cached === "miss") cache.inc({ result: cached });
      if (status === 201 && route === "/api/orders" && request.method === "POST") metrics.orderPlaced();
    }
    done();
  });

  app.get(METRICS_PATH, async (request, reply) => {
    if (options.token !== undefined) {
      if (!tokenMatches(request.headers.authorization, options.token))
        return reply.code(401).header("www-authenticate", "Bearer").send({ error: "Unauthorized" });
    } else if (!isDirectLoopback(request)) {
      return reply.code(404).send({ error: "Not found" });
    }
    const body = await metrics.registry.metrics();
    return reply.header("content-type", metrics.registry.contentType).send(body);
  });
}
