import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "./testing/http-client.ts";
import { type PrivateRedis, startPrivateRedis } from "./testing/private-redis.ts";
import { recordRedisCommands } from "./testing/redis-command-recorder.ts";
import { signedInAs, startTestApp, type TestApp } from "./testing/test-app.ts";

// Redis Cluster refuses a command, MULTI or script whose keys lie in different hash slots (CROSSSLOT), and
// ioredis's Cluster client refuses such a pipeline. This drives the API's Redis paths over HTTP, records
// every command and pipeline it sends, and asks a cluster-mode redis-server (CLUSTER KEYSLOT) where each
// key lies.
const ADDRESS = { street: "9 Dock Road", city: "Bristol", state: "Avon", zip: "BS1 4RN", country: "GB" };
const PASSWORD = "key-slots-test-password";

let t: TestApp;
let slots: PrivateRedis;
let dir: string | undefined;

beforeAll(async () => {
  // Cluster mode only to ask CLUSTER KEYSLOT; it writes its node table into `dir`.
  dir = await mkdtemp(path.join(tmpdir(), "stockroom-key-slots-"));
  slots = await startPrivateRedis(["--cluster-enabled", "yes", "--dir", dir]);
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
  await slots?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function slotOf(key: string): Promise<number> {
  return Number(await slots.client.call("CLUSTER", "KEYSLOT", key));
}

describe("Redis keys are Cluster-safe", () => {
  it("every command and pipeline that names several keys keeps them in one hash slot", async () => {
    const recorder = recordRedisCommands();
    try {
      const { client: admin } = await signedInAs(t, "ADMIN");
      const products: { id: string }[] = [];
      for (const name of ["Slot Mug", "Slot Kettle", "Slot Teapot"]) {
        const created = await admin.request<{ id: string }>("POST", "/api/products", {
          json: { name, price: 9.5, stock: 20 },
        });
        expect(created.status).toBe(201);
        products.push(created.body);
      }
      const anonymous = new HttpClient(t.url);
      for (let round = 0; round < 2; round++) {
        expect((await anonymous.request("GET", "/api/products?limit=20")).status).toBe(200);
        expect((await anonymous.query("product.list", { limit: 20 })).status).toBe(200);
        expect((await anonymous.request("GET", `/api/products/${products[0]!.id}`)).status).toBe(200);
      }

      const shopper = new HttpClient(t.url);
      const email = `slots-${Date.now()}@example.test`;
      expect((await shopper.signUp(email, PASSWORD)).status).toBe(200);
      expect((await shopper.signOut()).status).toBe(200);
      expect((await shopper.signIn(email, "not-the-password")).status).toBe(401);
      expect((await shopper.signIn(email, PASSWORD)).status).toBe(200);
      expect((await shopper.request("GET", "/api/auth/get-session")).status).toBe(200);
      const order = {
        items: products.slice(0, 2).map((product) => ({ productId: product.id, quantity: 1 })),
        shippingAddress: ADDRESS,
      };
      expect((await shopper.request("POST", "/api/orders", { json: order })).status).toBe(201);
      expect((await anonymous.request("GET", "/api/products?limit=20")).status).toBe(200);

      const { user: staff } = await signedInAs(t, "STAFF");
      expect((await admin.mutation("staff.setActive", { userId: staff.id, active: false })).status).toBe(200);
      expect((await shopper.signOut()).status).toBe(200);
    } finally {
      recorder.stop();
    }

    const crossSlot: { commands: string[]; keys: string[]; slots: number[] }[] = [];
    const multiKey = recorder.calls.filter((call) => new Set(call.keys).size > 1);
    for (const call of multiKey) {
      const keySlots = await Promise.all(call.keys.map(slotOf));
      if (new Set(keySlots).size > 1) crossSlot.push({ ...call, slots: keySlots });
    }
    // The order's stock bump (one INCR per product) is among them, so this cannot pass by recording nothing.
    expect(multiKey.some((call) => call.commands.filter((name) => name === "incr").length >= 2)).toBe(true);
    expect(crossSlot).toEqual([]);
  });
});
