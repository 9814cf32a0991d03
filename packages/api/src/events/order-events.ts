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
 * Two CTEs for a WITH clause that queue one event per row of `fromSql`: the only place that writes
 * graphile-worker's tables. `job` inserts the rows `add_job` would insert for a job without a key
 * (graphile-worker 0.17.3, migration 19: no queue, due now, priority 0, no flags), but sends no
 * pg_notify: a notifying transaction takes one cluster-wide lock at commit, which serialised every
 * order's commit (ADR 0010). Workers find the job by polling (event-worker.ts).
 *
 * `job_task` registers the task the first time: it inserts nothing once the row exists, and when two
 * first events race, ON CONFLICT ... DO UPDATE still returns the id the other one committed.
 * `payloadSql` is a json expression over `fromSql`'s columns (or a parameter).
 */
export function orderEventJobCtes(name: OrderEventName, payloadSql: string, fromSql: string): string {
  if (!Object.hasOwn(ORDER_EVENT_PAYLOADS, name)) throw new Error(`Unknown order event ${name}`);
  const tasks = `${JOB_QUEUE_SCHEMA}._private_tasks`;
  return `job_task AS (
             INSERT INTO ${JOB_QUEUE_SCHEMA}._private_tasks AS tasks (identifier)
             SELECT '${name}' WHERE NOT EXISTS (SELECT 1 FROM ${tasks} WHERE identifier = '${name}')
             ON CONFLICT (identifier) DO UPDATE SET identifier = excluded.identifier
             RETURNING id
           ), job AS (
             INSERT INTO ${JOB_QUEUE_SCHEMA}._private_jobs
               (job_queue_id, task_id, payload, run_at, max_attempts, key, priority, flags)
             SELECT NULL::int,
               coalesce((SELECT id FROM job_task), (SELECT id FROM ${tasks} WHERE identifier = '${name}')),
               ${payloadSql}, now(), ${MAX_ATTEMPTS}::smallint, NULL::text, 0::smallint, NULL::jsonb
             FROM ${fromSql}
             RETURNING id
           )`;
}

/**
 * Enqueues an event on the Postgres job queue (graphile-worker) through the caller's client, so when
 * called inside the transaction that makes the change, the event exists exactly when the change
 * commits: never an event for a rolled-back order, never a committed order without its event. The
 * payload is checked against its schema here, so a bad one fails the change, not the worker later.
 */
export async function enqueueOrderEvent(db: DbClient, event: OrderEvent): Promise<void> {
  const payload = ORDER_EVENT_PAYLOADS[event.name].parse(event.payload);
  await db.$executeRawUnsafe(
    `WITH ${orderEventJobCtes(event.name, "$1::json", "(VALUES (1)) AS one")} SELECT count(*) FROM job`,
    JSON.stringify(payload),
  );
}
