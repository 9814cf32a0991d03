import { readApiEnv } from "./env.ts";
import { createLogger, exitAfterFlush, exitOnUncaught } from "./logger.ts";
import type { ShutdownState } from "./readiness.ts";
import { buildServer } from "./server.ts";
import { createServices } from "./services.ts";
import { shutDownGracefully } from "./shutdown.ts";

const env = readApiEnv();
const log = createLogger({ level: env.LOG_LEVEL });
exitOnUncaught(log);
let services: Awaited<ReturnType<typeof createServices>>;
try {
  services = await createServices(env, log);
} catch (error) {
  log.fatal((error as Error).message);
  exitAfterFlush(log, 1);
}
const shutdownState: ShutdownState = { shuttingDown: false };
const app = await buildServer({
  services,
  trustedOrigins: env.WEB_ORIGINS,
  trustProxy: env.TRUST_PROXY,
  logger: log,
  shutdown: shutdownState,
  metricsToken: env.METRICS_TOKEN,
});

// SIGTERM (a supervisor, an orchestrator, pnpm start) drains for SHUTDOWN_DRAIN_MS; a Ctrl-C on this
// process alone has no load balancer to wait for.
async function shutdown(signal: "SIGTERM" | "SIGINT") {
  if (shutdownState.shuttingDown) return;
  app.log.info({ signal }, "signal received");
  const drainMs = signal === "SIGTERM" ? env.SHUTDOWN_DRAIN_MS : 0;
  try {
    await shutDownGracefully({ app, services, state: shutdownState, drainMs });
  } catch (error) {
    app.log.error({ err: error }, "shutdown failed");
    exitAfterFlush(log, 1);
  }
  exitAfterFlush(log, 0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: env.API_PORT, host: env.API_HOST });
