import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  enqueueOrderEvent,
  ORDER_EVENT_NAMES,
  ORDER_EVENT_PAYLOADS,
  orderEventJobCtes,
} from "../events/order-events.ts";
import { createOrderEventTasks } from "../events/tasks.ts";
import { ORDER_PLACEMENT_SQL } from "./order-placement-sql.ts";

const root = join(import.meta.dirname, "../../../..");

/** Every TypeScript source file of the API and the apps (tests and test fixtures left out: they seed). */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === ".next" || entry.name === "generated") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  for (const dir of ["packages/api/src", "apps/api/src", "apps/web/src", "scripts"]) walk(join(root, dir));
  return files
    .map((path) => relative(root, path))
    .filter((path) => !["packages/api/src/fixtures.ts", "packages/api/src/testing.ts"].includes(path));
}

/** The files whose text matches `pattern`. */
function filesMentioning(pattern: RegExp): string[] {
  return sourceFiles().filter((path) => pattern.test(readFileSync(join(root, path), "utf8")));
}

// Any write of stock or its ledger: SQL against the tables, Prisma writes of their models, and
// nested writes through a product (`inventory: { create`, `stockMovements: {`).
const STOCK_WRITE =
  /stock_movement|(UPDATE|INSERT INTO|DELETE FROM)\s+inventory_level|\b(stockMovement|inventoryLevel)\.(create|update|upsert|delete)|inventory:\s*\{\s*(create|update|upsert)|stockMovements:\s*\{/;

describe("one writer of stock and its ledger", () => {
  it("only the inventory service (services/inventory*.ts) writes inventory_level or stock_movement", () => {
    const writers = filesMentioning(STOCK_WRITE);
    expect(
      writers.filter((path) => !/^packages\/api\/src\/services\/inventory[\w-]*\.ts$/.test(path)),
    ).toEqual([]);
    expect(writers).toContain("packages/api/src/services/inventory.ts");
  });

  it("the order statement takes stock through the inventory service's SQL", () => {
    expect(ORDER_PLACEMENT_SQL.place.text).toContain("INSERT INTO stock_movement");
    expect(readFileSync(join(root, "packages/api/src/services/order-placement-sql.ts"), "utf8")).not.toMatch(
      STOCK_WRITE,
    );
  });
});

describe("one way to enqueue an event", () => {
  it("only events/order-events.ts writes graphile-worker's job tables or spells add_job", () => {
    expect(filesMentioning(/add_jobs?\b|(INSERT INTO|UPDATE)\s+[\w${}.]*_private_(jobs|tasks)/)).toEqual([
      "packages/api/src/events/order-events.ts",
    ]);
  });

  it("the order statement queues order.created with the CTEs enqueueOrderEvent uses, and no NOTIFY", () => {
    expect(ORDER_PLACEMENT_SQL.place.text).toContain(
      orderEventJobCtes("order.created", "json_build_object('orderId', placed.id)", "placed"),
    );
    expect(ORDER_PLACEMENT_SQL.place.text).not.toMatch(/add_job|notify/i);
  });

  it("one list of event names: every one has a payload schema and a worker task", () => {
    expect(ORDER_EVENT_NAMES).toEqual(["order.created", "order.cancelled", "order.status_changed"]);
    const tasks = createOrderEventTasks({ db: {} as never, mail: {} as never });
    expect(Object.keys(tasks)).toEqual(ORDER_EVENT_NAMES);
    expect(Object.keys(ORDER_EVENT_PAYLOADS)).toEqual(ORDER_EVENT_NAMES);
  });

  it("checks a payload against its schema before anything is queued", async () => {
    const db = {
      $executeRawUnsafe: () => {
        throw new Error("nothing may be queued");
      },
    };
    await expect(
      enqueueOrderEvent(db as never, { name: "order.created", payload: { orderId: "not-a-uuid" } }),
    ).rejects.toThrow(/Invalid UUID/i);
  });

  it("refuses an event name outside the list", () => {
    expect(() => orderEventJobCtes("order.deleted" as never, "'{}'::json", "placed")).toThrow(
      "Unknown order event order.deleted",
    );
  });
});
