import { describe, expect, it } from "vitest";
import { stockStatus } from "./stock-status.ts";

describe("stockStatus", () => {
  it("calls nothing on hand out of stock, even when the threshold is above zero", () => {
    expect(stockStatus(0, 5)).toEqual({ label: "Out of stock", tone: "danger" });
    expect(stockStatus(0, 0)).toEqual({ label: "Out of stock", tone: "danger" });
  });

  it("is low at or below the threshold and in stock above it", () => {
    expect(stockStatus(1, 5).label).toBe("Low");
    expect(stockStatus(5, 5).label).toBe("Low");
    expect(stockStatus(6, 5)).toEqual({ label: "In stock", tone: "success" });
  });
});
