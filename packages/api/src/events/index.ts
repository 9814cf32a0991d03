// The job queue and the worker that turns order events into e-mails (re-exported by src/index.ts).
export {
  type EventLog,
  type EventWorkerOptions,
  graphileLogger,
  runDueEvents,
  startEventWorker,
} from "./event-worker.ts";
export { installJobQueue, JOB_QUEUE_SCHEMA } from "./job-queue.ts";
export {
  createDatabaseMailSender,
  createMailSender,
  createSmtpMailSender,
  type MailSender,
  type MailSenderOptions,
  type OutgoingMail,
  type SendResult,
} from "./mailer.ts";
export { formatMinorUnits } from "./money.ts";
export { enqueueOrderEvent, type OrderEvent } from "./order-events.ts";
export { buildOrderMail, type OrderForMail, orderForMailSelect } from "./order-mail.ts";
export {
  type SupervisedWorker,
  type SupervisedWorkerOptions,
  superviseEventWorker,
} from "./supervised-worker.ts";
export { createOrderEventTasks, handleOrderEvent, type OrderEventDeps } from "./tasks.ts";
export { DEFAULT_HEARTBEAT_TIMING, type HeartbeatTiming } from "./worker-heartbeat.ts";
