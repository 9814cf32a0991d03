import pino from "pino";
import { readApiEnv } from "./env.ts";
import { buildServer } from "./server.ts";
import { createServices } from "./services.ts";

const env = readApiEnv();
const log = pino({ level: env.LOG_LEVEL });
let services: Awaited<ReturnType<typeof createServices>>;
try {
  services = await createServices(env, log);
} catch (error) {
  log.fatal((error as Error).message);
  process.exit(1);
}
const app = await buildServer({
  services,
  trustedOrigins: env.WEB_ORIGINS,
  trustProxy: env.TRUST_PROXY,
  logLevel: env.LOG_LEVEL,
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, "shutting down");
  await app.close();
  await Promise.allSettled([services.db.$disconnect(), services.redis?.quit()]);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: env.API_PORT, host: env.API_HOST });
