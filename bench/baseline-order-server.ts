import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { variantTitle } from "../packages/api/src/domain/variants.ts";
import {
  ORDER_PLACEMENT_SQL,
  type PlacementVariant,
  placeValues,
} from "../packages/api/src/services/order-placement-sql.ts";
import { BASELINE_USER_HEADER, type OrderBaselineConfig } from "./baselines.ts";
import { listenOnLoopback, serveWhenAsked } from "./child-server.ts";

interface Line {
  variantId: string;
  quantity: number;
}
interface Address {
  street: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Just enough validation to refuse what the database would not catch itself. */
function parseOrder(body: unknown): { lines: Line[]; address: Address } {
  const input = body as { items?: unknown; shippingAddress?: Record<string, unknown> } | null;
  const items = input?.items;
  const address = input?.shippingAddress;
  if (!Array.isArray(items) || items.length < 1 || items.length > 100 || !address)
    throw new RequestError(400, "Invalid request");
  const totals = new Map<string, number>();
  for (const item of items as { variantId?: unknown; quantity?: unknown }[]) {
    const { variantId, quantity } = item;
    if (typeof variantId !== "string" || !UUID.test(variantId))
      throw new RequestError(400, "Invalid request");
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 999)
      throw new RequestError(400, "Invalid request");
    totals.set(variantId, (totals.get(variantId) ?? 0) + (quantity as number));
  }
  const text = (value: unknown) => {
    if (typeof value !== "string" || value.trim() === "") throw new RequestError(400, "Invalid request");
    return value.trim();
  };
  return {
    lines: [...totals].map(([variantId, quantity]) => ({ variantId, quantity })),
    address: {
      street: text(address.street),
      city: text(address.city),
      state: text(address.state),
      zip: text(address.zip),
      country: address.country === undefined ? "US" : text(address.country).toUpperCase(),
    },
  };
}

/**
 * The same order placement as services/order-placement.ts, through the very same statements
 * (ORDER_PLACEMENT_SQL) with none of the API around them: the variants' prices, then the single
 * statement that locks the stock rows, checks them and writes the order with everything it needs.
 */
async function placeOrder(
  pool: pg.Pool,
  userId: string,
  order: { lines: Line[]; address: Address },
): Promise<{ id: string; number: number }> {
  const run = async <T extends object>(statement: { name: string; text: string }, values: unknown[]) =>
    (await pool.query<T>({ ...statement, values })).rows;
  const ids = order.lines.map((line) => line.variantId);
  const variants = await run<PlacementVariant>(ORDER_PLACEMENT_SQL.variants, [ids, []]);
  const byId = new Map(variants.map((variant) => [variant.id, variant]));
  if (ids.some((id) => !byId.get(id)?.active || !byId.get(id)?.productActive))
    throw new RequestError(404, "Variant not found");
  const currencies = new Set(variants.map((variant) => variant.currency));
  if (currencies.size > 1) throw new RequestError(400, "All items in one order must share a currency");

  const lines = order.lines.map((line) => {
    const variant = byId.get(line.variantId)!;
    return {
      ...line,
      productId: variant.productId,
      sku: variant.sku,
      variantTitle: variantTitle([variant.option1, variant.option2, variant.option3]),
      unitPriceCents: variant.priceCents,
      productName: variant.name,
      lineTotalCents: variant.priceCents * line.quantity,
    };
  });
  const [placed] = await run<{ unchanged: boolean; enough: boolean; id: string; number: number }>(
    ORDER_PLACEMENT_SQL.place,
    placeValues({
      lines,
      userId,
      totalCents: lines.reduce((sum, line) => sum + line.lineTotalCents, 0),
      currency: [...currencies][0] ?? "USD",
      address: order.address,
      idempotencyKey: null,
      requestHash: null,
      actorId: userId,
    }),
  );
  if (!placed?.unchanged) throw new RequestError(409, "A product changed");
  if (!placed.enough) throw new RequestError(409, "Insufficient stock");
  return { id: placed.id, number: placed.number };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new RequestError(400, "The body is not valid JSON");
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": bytes.length,
  });
  response.end(bytes);
}

// The ceiling for order placement: node:http and a pg Pool, no framework, no ORM, no session lookup.
serveWhenAsked<OrderBaselineConfig>(async ({ port, databaseUrl, poolSize }) => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  pool.on("error", () => {}); // an idle client's error; the request that needs it reports it
  await pool.query("SELECT 1");

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "POST" || request.url !== "/orders")
      return send(response, 404, { error: "Not found" });
    const userId = request.headers[BASELINE_USER_HEADER];
    if (typeof userId !== "string" || userId === "")
      return send(response, 401, { error: "Sign in to continue" });
    const order = parseOrder(await readJson(request));
    send(response, 201, await placeOrder(pool, userId, order));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof RequestError) return send(response, error.status, { error: error.message });
      console.error("[order baseline]", error);
      send(response, 500, { error: "Internal server error" });
    });
  });
  await listenOnLoopback(server, port);
});
