import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";
import { BASELINE_USER_HEADER, type OrderBaselineConfig } from "./baselines.ts";
import { listenOnLoopback, serveWhenAsked } from "./child-server.ts";

interface Line {
  productId: string;
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
  for (const item of items as { productId?: unknown; quantity?: unknown }[]) {
    const { productId, quantity } = item;
    if (typeof productId !== "string" || !UUID.test(productId))
      throw new RequestError(400, "Invalid request");
    if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 999)
      throw new RequestError(400, "Invalid request");
    totals.set(productId, (totals.get(productId) ?? 0) + (quantity as number));
  }
  const text = (value: unknown) => {
    if (typeof value !== "string" || value.trim() === "") throw new RequestError(400, "Invalid request");
    return value.trim();
  };
  return {
    lines: [...totals].map(([productId, quantity]) => ({ productId, quantity })),
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
 * The same order transaction as services/order-placement.ts, in plain SQL with prepared statements:
 * prices read inside the transaction, rows locked in id order when there are several, stock taken
 * with one conditional UPDATE, then the order, its items, ledger rows, status history and the
 * order.created job, all committed together.
 */
async function placeOrder(
  client: pg.PoolClient,
  userId: string,
  order: { lines: Line[]; address: Address },
): Promise<{ id: string; number: number }> {
  const ids = order.lines.map((line) => line.productId);
  const quantities = order.lines.map((line) => line.quantity);
  const products = await client.query<{ id: string; name: string; priceCents: number; currency: string }>({
    name: "bench-products",
    text: `SELECT id, name, "priceCents", trim(currency) AS currency FROM product WHERE id = ANY($1::uuid[]) AND active`,
    values: [ids],
  });
  if (products.rows.length !== ids.length) throw new RequestError(404, "Product not found");
  const currencies = new Set(products.rows.map((product) => product.currency));
  if (currencies.size > 1) throw new RequestError(400, "All items in one order must share a currency");
  const byId = new Map(products.rows.map((product) => [product.id, product]));

  if (ids.length > 1) {
    await client.query({
      name: "bench-lock",
      text: `SELECT 1 FROM inventory_level WHERE "productId" = ANY($1::uuid[]) ORDER BY "productId" FOR UPDATE`,
      values: [ids],
    });
  }
  const taken = await client.query<{ productId: string; onHand: number }>({
    name: "bench-take",
    text: `UPDATE inventory_level l
           SET "onHand" = l."onHand" - w.quantity, version = l.version + 1, "updatedAt" = now()
           FROM unnest($1::uuid[], $2::int[]) AS w("productId", quantity)
           WHERE l."productId" = w."productId" AND l."onHand" >= w.quantity
           RETURNING l."productId", l."onHand"`,
    values: [ids, quantities],
  });
  if (taken.rows.length !== ids.length) throw new RequestError(409, "Insufficient stock");
  const remaining = new Map(taken.rows.map((row) => [row.productId, row.onHand]));

  const prices = order.lines.map((line) => byId.get(line.productId)!.priceCents);
  const subtotalCents = order.lines.reduce((sum, line, index) => sum + prices[index]! * line.quantity, 0);
  const { address } = order;
  const created = await client.query<{ id: string; number: number }>({
    name: "bench-order",
    text: `INSERT INTO "order" ("userId", status, "subtotalCents", "totalCents", currency,
             "shipStreet", "shipCity", "shipState", "shipZip", "shipCountry")
           VALUES ($1, 'pending', $2, $2, $3, $4, $5, $6, $7, $8) RETURNING id, number`,
    values: [
      userId,
      subtotalCents,
      [...currencies][0] ?? "USD",
      address.street,
      address.city,
      address.state,
      address.zip,
      address.country,
    ],
  });
  const orderId = created.rows[0]!.id;
  await client.query({
    name: "bench-items",
    text: `INSERT INTO order_item ("orderId", "productId", "productName", "unitPriceCents", quantity, "lineTotalCents")
           SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[])`,
    values: [
      orderId,
      ids,
      order.lines.map((line) => byId.get(line.productId)!.name),
      prices,
      quantities,
      order.lines.map((line, index) => prices[index]! * line.quantity),
    ],
  });
  await client.query({
    name: "bench-ledger",
    text: `INSERT INTO stock_movement ("productId", delta, reason, "orderId", "actorId", "quantityAfter")
           SELECT m."productId", -m.quantity, 'sale', $1, $2, m."quantityAfter"
           FROM unnest($3::uuid[], $4::int[], $5::int[]) AS m("productId", quantity, "quantityAfter")`,
    values: [orderId, userId, ids, quantities, ids.map((id) => remaining.get(id)!)],
  });
  await client.query({
    name: "bench-history",
    text: `INSERT INTO order_status_history ("orderId", "fromStatus", "toStatus", "actorId") VALUES ($1, NULL, 'pending', $2)`,
    values: [orderId, userId],
  });
  await client.query({
    name: "bench-job",
    text: `SELECT graphile_worker.add_job('order.created', $1::json, max_attempts => 25)`,
    values: [JSON.stringify({ orderId })],
  });
  return created.rows[0]!;
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
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const placed = await placeOrder(client, userId, order);
      await client.query("COMMIT");
      send(response, 201, placed);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
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
