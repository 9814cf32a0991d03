import type { OrderStatus } from "@stockroom/db";
import { describe, expect, it } from "vitest";
import { ConflictError } from "../errors.ts";
import { allowedTransitions, assertTransition, canTransition } from "./order-status.ts";

const statuses: OrderStatus[] = ["pending", "paid", "shipped", "delivered", "cancelled"];
const allowed = new Set([
  "pending>paid",
  "paid>shipped",
  "shipped>delivered",
  "pending>cancelled",
  "paid>cancelled",
]);

describe("order status machine", () => {
  it.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))("%s → %s", (from, to) => {
    const expected = allowed.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(ConflictError);
  });

  it("names the current status when an order cannot be cancelled", () => {
    try {
      assertTransition("shipped", "cancelled");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toBe("Order cannot be cancelled");
      expect((error as ConflictError).details).toEqual({ status: "shipped" });
    }
  });

  it("lists what each status may become", () => {
    expect(allowedTransitions("pending")).toEqual(["paid", "cancelled"]);
    expect(allowedTransitions("paid")).toEqual(["shipped", "cancelled"]);
    expect(allowedTransitions("shipped")).toEqual(["delivered"]);
    expect(allowedTransitions("delivered")).toEqual([]);
    expect(allowedTransitions("cancelled")).toEqual([]);
  });
});
