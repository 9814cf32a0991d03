import { z } from "zod";
import type { DbClient } from "../db-client.ts";
import { JOB_QUEUE_SCHEMA } from "./job-queue.ts";

const actorId = z.string().nullable().default(null);

/**
 * The one list of events the commerce core emits, with their payloads. Each becomes a
 * graphile-worker job of the same name; the worker parses the payload with the same schema.
 */
export const ORDER_EVENT_PAYLOADS = {
  "order.created": z.object({ orderId: z.uuid() }),
  "order.cancelled": z.object({ orderId: z.uuid(), actorId }),
  "order.status_changed": z.object({ orderId: z.uuid(), from: z.string(), to: z.string(), actorId }),
} satisfies Record<string, z.ZodType>;

export type OrderEventName = keyof typeof ORDER_EVENT_PAYLOADS;

export const ORDER_EVENT_NAMES = Object.keys(ORDER_EVENT_PAYLOADS) as OrderEventName[];

/** An event as producers send it (`actorId` may be left out) and as handlers receive it. */
export type OrderEvent = {
  [Name in OrderEventName]: { name: Name; payload: z.output<(typeof ORDER_EVENT_PAYLOADS)[Name]> };
}[OrderEventName];

/** A failed job is retried with exponential backoff this often before it is left for a human. */
const MAX_ATTEMPTS = 25;

/**
 * The SQL expression that queues one event: the only place that spells graphile-worker's `add_job`.
 * `payloadSql` is an SQL expression of type json (a parameter, or `json_build_object(...)` over
 * columns of the statement that composes it, as the one-statement order write does).
 */
export function addJobSql(name: OrderEventName, payloadSql: string): string {
  if (!Object.hasOwn(ORDER_EVENT_PAYLOADS, name)) throw new Error(`Unknown order event ${name}`);
  return `${JOB_QUEUE_SCHEMA}.add_job('${name}', ${payloadSql}, max_attempts => ${MAX_ATTEMPTS})`;
}

/**
 * Enqueues an event on the Postgres job queue (graphile-worker) through the caller's client, so when
 * called inside the transaction that makes the change, the event exists exactly when the change
 * commits: never an event for a rolled-back order, never a committed order without its event. The
 * payload is checked against its schema here, so a bad one fails the change, not the worker later.
 */
export async function enqueueOrderEvent(db: DbClient, event: OrderEvent): Promise<void> {
  const payload = ORDER_EVENT_PAYLOADS[event.name].parse(event.payload);
  await db.$executeRawUnsafe(`SELECT ${addJobSql(event.name, "$1::json")}`, JSON.stringify(payload));
}
