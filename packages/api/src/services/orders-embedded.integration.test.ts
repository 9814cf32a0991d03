import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type Db, migrate } from "@stockroom/db";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@stockroom/db/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import type { Services } from "../context.ts";
import { installJobQueue } from "../events/job-queue.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { callerAs, createTestServices, createTestUser, openTestContext } from "../testing.ts";

// Issue 10, defect 4: on the embedded database (PGlite, what `pnpm start` uses without Postgres),
// 10 parallel orders from one shopper gave 8 × 500 `prepared statement "order-products" already
// exists`: PGlite serves every pooled connection through one session, so named statements collide.

let dataDir: string;
let embedded: EmbeddedPostgres;
let db: Db;
let services: Services;
let shopper: SessionUser;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "stockroom-embedded-orders-"));
  embedded = await startEmbeddedPostgres(dataDir);
  await migrate(embedded.url);
  await installJobQueue(embedded.url);
  db = createDb(embedded.url, { poolSize: 10 });
  services = createTestServices(db);
  shopper = await createTestUser(db);
});
afterAll(async () => {
  await db?.$disconnect();
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("orders on the embedded database (PGlite)", () => {
  it("places 12 parallel orders from one shopper, and stock and ledger are exact", async () => {
    const mug = await createTestProduct(db, { name: "Mug", priceCents: 1200, stock: 100 });
    const lamp = await createTestProduct(db, { name: "Lamp", priceCents: 4500, stock: 50 });
    const caller = callerAs(services, shopper);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, index) =>
        caller.order.create({
          items: [
            { productId: mug.id, quantity: (index % 3) + 1 },
            { productId: lamp.id, quantity: 1 },
          ],
          shippingAddress: TEST_ADDRESS,
        }),
      ),
    );
    const failures = results.flatMap((result) =>
      result.status === "rejected" ? [String(result.reason)] : [],
    );
    expect(failures).toEqual([]);

    const mugsSold = Array.from({ length: 12 }, (_, index) => (index % 3) + 1).reduce((a, b) => a + b, 0);
    const levels = await db.inventoryLevel.findMany({
      where: { variant: { productId: { in: [mug.id, lamp.id] } } },
      select: { onHand: true, variant: { select: { productId: true } } },
    });
    const onHand = new Map(levels.map((level) => [level.variant.productId, level.onHand]));
    expect(onHand.get(mug.id)).toBe(100 - mugsSold);
    expect(onHand.get(lamp.id)).toBe(50 - 12);
    for (const product of [mug, lamp]) {
      const ledger = await db.stockMovement.aggregate({
        where: { productId: product.id },
        _sum: { delta: true },
        _count: true,
      });
      expect(ledger._sum.delta).toBe(onHand.get(product.id));
      expect(ledger._count).toBe(1 + 12);
    }
    expect(await db.order.count({ where: { userId: shopper.id } })).toBe(12);
    const orders = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(new Set(orders.map((order) => order.number)).size).toBe(12);
    expect(
      orders.every((order) => order.totalCents === order.items.reduce((s, i) => s + i.lineTotalCents, 0)),
    ).toBe(true);
  });

  it("refuses a short order cleanly while others run, and takes nothing for it", async () => {
    const vase = await createTestProduct(db, { name: "Vase", priceCents: 3000, stock: 5 });
    const caller = callerAs(services, shopper);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        caller.order.create({ items: [{ productId: vase.id, quantity: 1 }], shippingAddress: TEST_ADDRESS }),
      ),
    );
    const placed = results.filter((result) => result.status === "fulfilled").length;
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(placed).toBe(5);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      (await db.inventoryLevel.findFirstOrThrow({ where: { variant: { productId: vase.id } } })).onHand,
    ).toBe(0);
  });
});

describe("orders on a real Postgres", () => {
  it("keep their named statements, prepared once per connection", async () => {
    // One connection, so the session that prepared the statements is the one asked about them.
    const postgres = await openTestContext({ poolSize: 1 });
    try {
      const buyer = await createTestUser(postgres.db);
      const cup = await createTestProduct(postgres.db, { stock: 5 });
      for (let round = 0; round < 2; round += 1) {
        await callerAs(postgres.services, buyer).order.create({
          items: [{ productId: cup.id, quantity: 1 }],
          shippingAddress: TEST_ADDRESS,
        });
      }
      const prepared = await postgres.db.$queryRaw<{ name: string }[]>`
        SELECT name FROM pg_prepared_statements WHERE name LIKE 'order-%' ORDER BY name`;
      expect(prepared.map((row) => row.name)).toEqual(["order-place", "order-variants"]);
    } finally {
      await postgres.close();
    }
  });
});
