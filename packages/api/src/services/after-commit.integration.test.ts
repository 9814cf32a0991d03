import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { afterCommit, inTransaction } from "../db-client.ts";
import { createTestProduct, TEST_ADDRESS } from "../fixtures.ts";
import { PRODUCT_CSV_COLUMNS } from "../schemas/product-csv.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { createProduct, updateProduct } from "./catalog.ts";
import { adjustStock } from "./inventory.ts";
import { cancelOrder, createOrder } from "./orders.ts";
import { importProducts } from "./product-csv.ts";

const t = useTestContext({ redis: true });
let staff: SessionUser;

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
});

const anonymous = () => callerAs(t.services, null);

describe("a change made by calling a service directly (no router) invalidates the cache", () => {
  it("a product update, a new product and a CSV import show on the next cached read", async () => {
    const product = await createTestProduct(t.db, { name: "Direct Lamp", priceCents: 1000 });
    expect((await anonymous().product.byId({ id: product.id })).priceCents).toBe(1000);
    await anonymous().product.list({ q: "direct" });

    await updateProduct(t.db, product.id, { priceCents: 1500 });
    expect((await anonymous().product.byId({ id: product.id })).priceCents).toBe(1500);

    const created = await createProduct(
      t.db,
      {
        name: "Direct Shade",
        priceCents: 900,
        description: "",
        currency: "USD",
        stock: 3,
        lowStockThreshold: 5,
        options: [],
      },
      staff.id,
    );
    expect((await anonymous().product.list({ q: "direct" })).products.map((p) => p.id)).toContain(created.id);

    const csv = `${PRODUCT_CSV_COLUMNS.join(",")}\n${product.slug},Direct Lamp,,,USD,5,true,,,,,,,${product.sku},12.00,,,,10,true\n`;
    await importProducts(t.db, csv, staff.id);
    const after = await anonymous().product.byId({ id: product.id });
    expect(after).toMatchObject({ priceCents: 1200, stock: 10 });
  });

  it("stock moved by an adjustment, an order and a cancellation shows on the next cached read", async () => {
    const product = await createTestProduct(t.db, { stock: 5 });
    const shopper = await createTestUser(t.db);
    const stockNow = async () => (await anonymous().product.byId({ id: product.id })).stock;
    expect(await stockNow()).toBe(5);

    await adjustStock(t.db, { productId: product.id, delta: 2, reason: "restock" }, staff.id);
    expect(await stockNow()).toBe(7);

    const { order } = await createOrder(
      t.db,
      { userId: shopper.id, items: [{ productId: product.id, quantity: 3 }], shippingAddress: TEST_ADDRESS },
      shopper,
    );
    expect(await stockNow()).toBe(4);

    await cancelOrder(t.db, order.id, shopper);
    expect(await stockNow()).toBe(7);
  });
});

describe("the transaction's after-commit hooks", () => {
  it("run after the outermost transaction commits, never before, and once", async () => {
    const ran: string[] = [];
    await inTransaction(t.db, async (tx) => {
      await inTransaction(tx, async (nested) => {
        await afterCommit(nested, async () => {
          ran.push("hook");
        });
      });
      ran.push("task done");
    });
    expect(ran).toEqual(["task done", "hook"]);
  });

  it("are dropped when the transaction rolls back", async () => {
    const ran: string[] = [];
    await expect(
      inTransaction(t.db, async (tx) => {
        await afterCommit(tx, async () => {
          ran.push("hook");
        });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(ran).toEqual([]);
  });

  it("run at once on the root client, whose statements have committed", async () => {
    const ran: string[] = [];
    await afterCommit(t.db, async () => {
      ran.push("hook");
    });
    expect(ran).toEqual(["hook"]);
  });

  it("refuse a transaction the helper did not open: it could not know when that one commits", async () => {
    await expect(t.db.$transaction((tx) => afterCommit(tx, async () => {}))).rejects.toThrow(
      "afterCommit needs the root client or a transaction opened by inTransaction",
    );
  });
});
