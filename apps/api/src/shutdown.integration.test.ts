import { createRedis } from "@stockroom/api";
import { useTestContext } from "@stockroom/api/testing";
import { createDb } from "@stockroom/db";
import { describe, expect, it } from "vitest";
import type { ShutdownState } from "./readiness.ts";
import { buildServer } from "./server.ts";
import { shutDownGracefully } from "./shutdown.ts";
import { createTestServices, WEB_ORIGIN } from "./testing/test-app.ts";

const context = useTestContext();

describe("shutDownGracefully", () => {
  it("lets a request still running when the drain window ends finish, then closes the server, pool and Redis", async () => {
    const db = createDb(context.url, { poolSize: 2 });
    // Only to see it closed: the server runs without Redis, so nothing is written to the shared one.
    const redis = createRedis("redis://127.0.0.1:6379/0");
    const state: ShutdownState = { shuttingDown: false };
    const app = await buildServer({
      services: createTestServices(db),
      trustedOrigins: [WEB_ORIGIN],
      logLevel: "silent",
      shutdown: state,
    });
    let markStarted = () => {};
    const slowStarted = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    app.get("/test/slow", async () => {
      markStarted();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return { done: true };
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("server has no address");
    const url = `http://127.0.0.1:${address.port}`;

    const slow = fetch(`${url}/test/slow`);
    await slowStarted;
    const shutDown = shutDownGracefully({ app, services: { db, redis }, state, drainMs: 0 });

    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    expect(response.headers.get("connection")).toBe("close");
    await shutDown;
    expect(state.shuttingDown).toBe(true);
    // quit() resolves on Redis's OK; the connection ends just after.
    await new Promise((resolve) =>
      redis.status === "end" ? resolve(undefined) : redis.once("end", resolve),
    );
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
