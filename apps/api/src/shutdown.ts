import type { Services } from "@stockroom/api";
import type { FastifyInstance } from "fastify";
import type { ShutdownState } from "./readiness.ts";

export interface GracefulShutdownOptions {
  app: FastifyInstance;
  services: Pick<Services, "db" | "redis">;
  state: ShutdownState;
  drainMs: number;
}

/**
 * SIGTERM's sequence: readiness drops at once (the state flips, /readyz answers 503), requests are still
 * served for the drain window so a load balancer moves traffic first, then the server closes (in-flight
 * requests finish, idle connections close) and so do the Postgres pool and Redis.
 */
export async function shutDownGracefully({ app, services, state, drainMs }: GracefulShutdownOptions) {
  state.shuttingDown = true;
  app.log.info({ drainMs }, "shutting down: not ready, draining");
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  await app.close();
  await Promise.allSettled([
    services.db.$disconnect(),
    services.redis?.quit(),
    (services as Partial<Services>).readReplica?.disconnect(),
  ]);
  app.log.info("shut down");
}
