import pino, { type Logger } from "pino";

/**
 * The process's logger (API requests included), writing to stdout asynchronously: a line is handed to
 * the event loop instead of a blocking write per line, which cost a cached read about a quarter of its
 * throughput at the default level. Under load, lines logged while a write is in flight are joined into
 * the next one; a quiet process still writes each line at once (no minimum batch, so a worker's rare
 * lines are not held back). The price is that lines not yet written die with the process unless
 * flushed, so every exit goes through `exitAfterFlush`.
 */
const destinations = new WeakMap<Logger, { flushSync(): void }>();

export function createLogger(options: { level: string; name?: string }): Logger {
  const destination = pino.destination({ dest: 1, sync: false });
  const log = pino({ level: options.level, ...(options.name ? { name: options.name } : {}) }, destination);
  destinations.set(log, destination);
  return log;
}

/** Writes what the logger still holds, synchronously, then exits: the last lines are never lost. */
export function exitAfterFlush(log: Logger, code: number): never {
  try {
    destinations.get(log)?.flushSync();
  } catch {
    // stdout already closed (the parent went away): nothing left to save
  }
  process.exit(code);
}

/**
 * An uncaught exception or unhandled rejection is logged and flushed before the process ends, as Node
 * would have ended it, instead of dying with the buffered lines (the error among them).
 */
export function exitOnUncaught(log: Logger): void {
  process.on("uncaughtException", (error) => {
    log.fatal({ err: error }, "uncaught exception");
    exitAfterFlush(log, 1);
  });
}
