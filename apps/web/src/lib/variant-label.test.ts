import { describe, expect, it } from "vitest";
import { stockPageHref, variantLabel } from "./variant-label";

describe("variant labels", () => {
  it("names a variant after its product, leaving out the default variant's title", () => {
    expect(variantLabel("Everyday Tee", "M / Black")).toBe("Everyday Tee — M / Black");
    expect(variantLabel("Harbor Blanket", "Default")).toBe("Harbor Blanket");
  });

  it("links the stock page on a variant, and a default variant to the product's page", () => {
    expect(stockPageHref("p1", { id: "v1", title: "M / Black" })).toBe("/admin/inventory/p1?variant=v1");
    expect(stockPageHref("p1", { id: "v1", title: "Default" })).toBe("/admin/inventory/p1");
    expect(stockPageHref("p1")).toBe("/admin/inventory/p1");
  });
});
