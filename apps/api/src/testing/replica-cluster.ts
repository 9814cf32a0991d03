import { type ApiReplica, createApiReplica } from "./api-process.ts";
import { type Nginx, startNginx } from "./nginx.ts";
import { type PrivateRedis, startPrivateRedis } from "./private-redis.ts";
import { WEB_ORIGIN } from "./test-app.ts";
import { spawnWorker, type WorkerProcess } from "./worker-process.ts";

export interface ReplicaCluster {
  nginx: Nginx;
  replicas: [ApiReplica, ApiReplica];
  workers: WorkerProcess[];
  redis: PrivateRedis;
  /** Which replica an nginx $upstream_addr names. */
  upstreamOf(replica: ApiReplica): string;
  stop(): Promise<void>;
}

/**
 * Production's shape on one machine: two API processes and two order-event workers on one database and
 * one (private) Redis, behind nginx with the documented config. The APIs trust nginx's X-Forwarded-For.
 */
export async function startReplicaCluster(
  databaseUrl: string,
  apiEnv: Record<string, string> = {},
): Promise<ReplicaCluster> {
  const redis = await startPrivateRedis();
  const processes: { stop(): Promise<unknown> }[] = [];
  let nginx: Nginx | undefined;
  // nginx first, then every process at once (each API drains for SHUTDOWN_DRAIN_MS), Redis last.
  const stop = async () => {
    await nginx?.stop();
    await Promise.all(processes.map((part) => part.stop()));
    await redis.stop();
  };
  try {
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      TRUST_PROXY: "127.0.0.1",
      WEB_ORIGINS: WEB_ORIGIN,
      AUTH_SECRET: "replicas-behind-nginx-test-secret-0123456789",
      ...apiEnv,
    };
    const replicas: [ApiReplica, ApiReplica] = [await createApiReplica(env), await createApiReplica(env)];
    processes.push(...replicas);
    await Promise.all(replicas.map((replica) => replica.start()));
    const workers = [0, 1].map(() =>
      spawnWorker({ DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", WORKER_CONCURRENCY: "2" }),
    );
    processes.push(...workers);
    nginx = await startNginx(replicas.map((replica) => `127.0.0.1:${replica.port}`));
    return {
      nginx,
      replicas,
      workers,
      redis,
      upstreamOf: (replica) => `127.0.0.1:${replica.port}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
