import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { PRODUCTION_NGINX_OPTIONS, renderNginxConfig } from "./nginx-config.ts";

const OPERATIONS_DOC = new URL("../../../../docs/operations.md", import.meta.url);

describe("the nginx config in docs/operations.md", () => {
  it("is exactly what renderNginxConfig() gives for production, the function the replica test runs", async () => {
    const doc = await readFile(OPERATIONS_DOC, "utf8");
    const block = /## Behind a load balancer \(nginx\)[\s\S]*?```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(renderNginxConfig(PRODUCTION_NGINX_OPTIONS));
  });
});
