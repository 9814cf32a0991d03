import { WEB_ORIGIN } from "./api-server.ts";
import type { Scenario } from "./scenarios.ts";

/** The p50 each admin list and the dashboard must stay under against the large seed (issue 13). */
export const ADMIN_P50_GOAL_MS = 150;
/** The deep page measured for the order list: Medusa's admin list stops loading far short of this. */
const DEEP_PAGE = 22;

export interface AdminPage {
  name: string;
  /** A tRPC GET path, with its input. */
  path: string;
}

const trpcPath = (procedure: string, input?: object) =>
  `/api/trpc/${procedure}${input ? `?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : ""}`;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** Signs the seeded admin in and returns the Cookie header of the session. */
export async function signInAdmin(apiOrigin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${apiOrigin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`admin sign-in as ${email} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error(`admin sign-in as ${email} set no cookie`);
  return cookie;
}

async function fetchPage(apiOrigin: string, path: string, cookie: string): Promise<string> {
  const response = await fetch(`${apiOrigin}${path}`, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

/** Follows nextCursor from the first page to page `page` of an order list. */
async function deepOrderPage(
  apiOrigin: string,
  cookie: string,
  filter: object,
  page: number,
): Promise<string> {
  let cursor: string | undefined;
  for (let current = 1; current < page; current += 1) {
    const body = await fetchPage(apiOrigin, trpcPath("order.list", { ...filter, cursor }), cookie);
    const next = (JSON.parse(body) as { result: { data: { json: { nextCursor: string | null } } } }).result
      .data.json.nextCursor;
    if (!next) throw new Error(`the order list ends before page ${page}: is the database the large seed?`);
    cursor = next;
  }
  return trpcPath("order.list", { ...filter, cursor });
}

/**
 * The admin pages measured against the large seed, each fetched once: the bodies are what the bare
 * baseline serves, and a page that fails now fails here rather than as a row of errors.
 */
export async function captureAdminPages(
  apiOrigin: string,
  cookie: string,
): Promise<{ pages: AdminPage[]; bodies: Record<string, string> }> {
  const orders = { limit: 25 };
  // A word of a real product name (the large seed's are "<adjective> <noun> No. <n>"), so the search hits.
  const first = JSON.parse(await fetchPage(apiOrigin, trpcPath("product.list", { limit: 1 }), cookie)) as {
    result: { data: { json: { products: { name: string }[] } } };
  };
  const word = first.result.data.json.products[0]?.name.split(" ")[1] ?? "product";
  const pages: AdminPage[] = [
    { name: "admin dashboard", path: trpcPath("admin.dashboard") },
    // The widest range: 90 days and the 90 before, top products over ~500k rollup rows at 1M orders.
    {
      name: "admin dashboard 90 days",
      path: trpcPath("admin.dashboard", { range: 90, timeZone: "America/New_York" }),
    },
    { name: "admin orders p1", path: trpcPath("order.list", orders) },
    { name: `admin orders p${DEEP_PAGE}`, path: await deepOrderPage(apiOrigin, cookie, orders, DEEP_PAGE) },
    { name: "admin orders status=paid", path: trpcPath("order.list", { ...orders, status: "paid" }) },
    {
      name: "admin orders 30-60 days ago",
      path: trpcPath("order.list", { ...orders, from: daysAgo(60), to: daysAgo(30) }),
    },
    { name: "admin customers", path: trpcPath("admin.customers", { limit: 25 }) },
    {
      name: "admin products +archived",
      path: trpcPath("product.list", { limit: 24, includeArchived: true }),
    },
    {
      name: "admin products price_asc",
      path: trpcPath("product.list", { limit: 24, includeArchived: true, sort: "price_asc" }),
    },
    // The storefront's search and sorts at 100k products / 300k variants (lowest variant price).
    { name: `storefront search q=${word}`, path: trpcPath("product.list", { limit: 24, q: word }) },
    {
      name: `storefront search q=${word} in stock, price_desc`,
      path: trpcPath("product.list", { limit: 24, q: word, inStock: true, sort: "price_desc" }),
    },
    {
      name: "storefront price 20-40, price_asc",
      path: trpcPath("product.list", {
        limit: 24,
        minPriceCents: 2000,
        maxPriceCents: 4000,
        sort: "price_asc",
      }),
    },
    { name: "admin inventory", path: trpcPath("inventory.levels", { limit: 50 }) },
    { name: "admin inventory by SKU", path: trpcPath("inventory.levels", { limit: 50, q: "BULK-1-5" }) },
    { name: "admin inventory low stock", path: trpcPath("inventory.levels", { limit: 50, lowStock: true }) },
    { name: "admin audit log", path: trpcPath("admin.auditLog", { limit: 50 }) },
  ];
  const bodies: Record<string, string> = {};
  for (const page of pages) bodies[page.path] = await fetchPage(apiOrigin, page.path, cookie);
  return { pages, bodies };
}

/** One row per admin page: the API on the large database, against the same bytes from the bare server. */
export function adminScenarios(
  origins: { largeApi: string; listBaseline: string },
  cookie: string,
  pages: readonly AdminPage[],
  connections: number,
): Scenario[] {
  return pages.map((page) => ({
    name: page.name,
    minRatio: null,
    maxP50Ms: ADMIN_P50_GOAL_MS,
    connections,
    target: { origin: origins.largeApi, method: "GET", path: page.path, headers: { cookie } },
    baseline: { origin: origins.listBaseline, method: "GET", path: page.path },
  }));
}
