import type { Db } from "@stockroom/db";
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import type { MailSender } from "./mailer.ts";
import {
  ORDER_EVENT_NAMES,
  ORDER_EVENT_PAYLOADS,
  type OrderEvent,
  type OrderEventName,
} from "./order-events.ts";
import { buildOrderMail, orderForMailSelect } from "./order-mail.ts";

/** What the task handlers need, passed in rather than imported, so tests can swap any of it. */
export interface OrderEventDeps {
  db: Db;
  mail: MailSender;
}

/** Reads the order, builds its message and sends it; a send that throws fails the job, which retries. */
export async function handleOrderEvent(
  deps: OrderEventDeps,
  event: OrderEvent,
  helpers: Pick<JobHelpers, "logger">,
) {
  const order = await deps.db.order.findUnique({
    where: { id: event.payload.orderId },
    select: orderForMailSelect,
  });
  if (!order) {
    // The job is added in the order's own transaction, so this only happens if the order was removed
    // since; retrying cannot make it appear.
    helpers.logger.warn(`${event.name}: order ${event.payload.orderId} no longer exists; nothing to send`);
    return;
  }
  const mail = buildOrderMail(event, order);
  const result = await deps.mail.send(mail);
  helpers.logger.info(`${result === "sent" ? "sent" : "already sent, skipped"}: ${mail.dedupeKey}`, {
    orderId: order.id,
    dedupeKey: mail.dedupeKey,
    result,
  });
}

function taskFor<Name extends OrderEventName>(deps: OrderEventDeps, name: Name): Task {
  return async (payload, helpers) => {
    // An invalid payload is a bug in the producer: fail loudly (the job keeps the error in last_error).
    const parsed = ORDER_EVENT_PAYLOADS[name].parse(payload);
    await handleOrderEvent(deps, { name, payload: parsed } as OrderEvent, helpers);
  };
}

/** The graphile-worker task list: one task per order event name. */
export function createOrderEventTasks(deps: OrderEventDeps): TaskList {
  return Object.fromEntries(ORDER_EVENT_NAMES.map((name) => [name, taskFor(deps, name)]));
}
