import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { demoProducts } from "../../../packages/db/src/seed/catalog-data.ts";

const products = join(dirname(fileURLToPath(import.meta.url)), "../public/images/products");

describe("demo product art", () => {
  it("ships one illustration per demo product, titled with its name", () => {
    for (const product of demoProducts) {
      const path = join(products, `${product.slug}.svg`);
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, "utf8")).toContain(`>${product.name.replace(/&/g, "&amp;")}</title>`);
    }
  });

  it("draws no two products alike", () => {
    const drawings = new Set(
      demoProducts.map((product) => {
        const svg = readFileSync(join(products, `${product.slug}.svg`), "utf8");
        // Compare the drawing only: not the title that names the product, nor the background tint.
        const drawing = svg
          .replace(/<title[\s\S]*?<\/title>/, "")
          .replace(/title-[a-z0-9-]+/g, "")
          .replace(/<rect width="400" height="400" fill="#[0-9a-f]+"\/>/, "");
        return createHash("sha256").update(drawing).digest("hex");
      }),
    );
    expect(drawings.size).toBe(demoProducts.length);
  });
});
