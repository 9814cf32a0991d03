import { WEB_ORIGIN } from "./api-server.ts";
import { BASELINE_USER_HEADER } from "./baselines.ts";
import { REST_LIST_PATH, TRPC_LIST_PATH } from "./list-pages.ts";
import type { BackgroundLoad, LoadTarget } from "./measure.ts";
import type { BenchCatalog } from "./setup-database.ts";
import type { Shopper } from "./shoppers.ts";

export interface Scenario {
  name: string;
  target: LoadTarget;
  baseline: LoadTarget;
  /** The ratio target/baseline the issue asks for; null when the scenario is reported only. */
  minRatio: number | null;
  /** Traffic sent on the side while each server is measured: to the API, and to the baseline. */
  background?: { target: BackgroundLoad; baseline: BackgroundLoad };
  /** A latency goal for the API's median, for rows judged by latency rather than by ratio. */
  maxP50Ms?: number;
  /** Concurrent connections for this row, when not the run's BENCH_CONNECTIONS. */
  connections?: number;
}

export interface ScenarioOrigins {
  web: string;
  api: string;
  listBaseline: string;
  orderBaseline: string;
}

const SHIPPING_ADDRESS = {
  street: "1 Bench Street",
  city: "Portland",
  state: "ME",
  zip: "04101",
  country: "US",
};

/** The side load of the mixed scenario: orders per second for products not on the listed page. */
const SIDE_ORDERS_PER_SECOND = 100;

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

type OrderItems = () => { variantId: string; quantity: number }[];

/**
 * Orders of the same shape to both servers, each from a random shopper: a session cookie to the
 * API, a user id to the baseline.
 */
function orderScenario(
  name: string,
  items: { api: OrderItems; baseline: OrderItems },
  origins: ScenarioOrigins,
  shoppers: readonly Shopper[],
): Scenario {
  const body = (side: OrderItems) => JSON.stringify({ items: side(), shippingAddress: SHIPPING_ADDRESS });
  return {
    name,
    minRatio: 0.7,
    target: {
      origin: origins.api,
      method: "POST",
      path: "/api/orders",
      headers: { "content-type": "application/json", origin: WEB_ORIGIN },
      vary: () => ({ headers: { cookie: pick(shoppers).cookie }, body: body(items.api) }),
    },
    baseline: {
      origin: origins.orderBaseline,
      method: "POST",
      path: "/orders",
      headers: { "content-type": "application/json" },
      vary: () => ({
        headers: { [BASELINE_USER_HEADER]: pick(shoppers).userId },
        body: body(items.baseline),
      }),
    },
  };
}

export function buildScenarios(
  origins: ScenarioOrigins,
  catalog: BenchCatalog,
  shoppers: readonly Shopper[],
  storefrontPaths: readonly string[],
): Scenario[] {
  const listScenario = (name: string, path: string, minRatio: number | null): Scenario => ({
    name,
    minRatio,
    target: { origin: origins.api, method: "GET", path },
    baseline: { origin: origins.listBaseline, method: "GET", path },
  });
  const bothOf =
    ([first, second]: [string, string]): OrderItems =>
    () => [
      { variantId: first, quantity: 1 },
      { variantId: second, quantity: 1 },
    ];
  const oneOf =
    (variants: readonly string[]): OrderItems =>
    () => [{ variantId: pick(variants), quantity: 1 }];
  // Server-rendered storefront pages (no ratio goal): the baseline serves the same HTML bytes.
  const pageScenarios = storefrontPaths.map(
    (path): Scenario => ({
      name: `storefront GET ${path.length > 24 ? `${path.slice(0, 23)}…` : path}`,
      minRatio: null,
      target: { origin: origins.web, method: "GET", path },
      baseline: { origin: origins.listBaseline, method: "GET", path },
    }),
  );
  // Orders for products that are not on the page: each invalidates only what shows its product.
  const sideOrders = orderScenario(
    "side orders",
    { api: oneOf(catalog.spreadSets.api), baseline: oneOf(catalog.spreadSets.baseline) },
    origins,
    shoppers,
  );
  const atOrderRate = (target: LoadTarget): BackgroundLoad => ({
    target,
    ratePerSecond: SIDE_ORDERS_PER_SECOND,
    connections: 4,
  });
  return [
    listScenario("REST GET /api/products?limit=24", REST_LIST_PATH, 0.5),
    {
      ...listScenario(`REST list, ${SIDE_ORDERS_PER_SECOND} other orders/s`, REST_LIST_PATH, null),
      background: { target: atOrderRate(sideOrders.target), baseline: atOrderRate(sideOrders.baseline) },
    },
    listScenario("tRPC product.list {limit:24}", TRPC_LIST_PATH, null),
    orderScenario(
      "order: 2 hot variants",
      { api: bothOf(catalog.hotPairs.api), baseline: bothOf(catalog.hotPairs.baseline) },
      origins,
      shoppers,
    ),
    orderScenario(
      `order: 1 of ${catalog.spreadSets.api.length.toLocaleString("en-US")} spread variants`,
      { api: oneOf(catalog.spreadSets.api), baseline: oneOf(catalog.spreadSets.baseline) },
      origins,
      shoppers,
    ),
    ...pageScenarios,
  ];
}
