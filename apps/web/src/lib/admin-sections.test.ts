import { describe, expect, it } from "vitest";
import { isCurrentSection } from "./admin-sections.ts";

describe("isCurrentSection", () => {
  it("marks a section on its own page and on the pages below it", () => {
    expect(isCurrentSection("/admin/orders", "/admin/orders")).toBe(true);
    expect(isCurrentSection("/admin/orders/3f2a", "/admin/orders")).toBe(true);
    expect(isCurrentSection("/admin/products/new", "/admin/products")).toBe(true);
  });

  it("marks the dashboard only on itself, and no section on a look-alike path", () => {
    expect(isCurrentSection("/admin", "/admin")).toBe(true);
    expect(isCurrentSection("/admin/orders", "/admin")).toBe(false);
    expect(isCurrentSection("/admin/ordersx", "/admin/orders")).toBe(false);
  });
});
