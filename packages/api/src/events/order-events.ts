import type { DbClient } from "../db-client.ts";

/** Events the commerce core emits. Each becomes a graphile-worker job of the same name. */
export type OrderEvent =
  | { name: "order.created"; payload: { orderId: string } }
  | { name: "order.cancelled"; payload: { orderId: string; actorId: string | null } }
  | {
      name: "order.status_changed";
      payload: { orderId: string; from: string; to: string; actorId: string | null };
    };

export type OrderEventName = OrderEvent["name"];

/**
 * Enqueues an event on the Postgres job queue (graphile-worker) through the caller's client, so when
 * called inside the transaction that makes the change, the event exists exactly when the change
 * commits: never an event for a rolled-back order, never a committed order without its event.
 */
export async function enqueueOrderEvent(db: DbClient, event: OrderEvent): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(${event.name}::text, ${JSON.stringify(event.payload)}::json, max_attempts => 25)`;
}
