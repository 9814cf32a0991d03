import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { orderPromotionSql, REDEEM_PROMOTION_SQL } from "./promotion-redemption-sql.ts";

const root = join(import.meta.dirname, "../../../..");

/** Source files of the API and the apps (tests and fixtures left out: they seed). */
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
  return files.map((path) => relative(root, path));
}

// A write of a use: the redemption rows or the counter, in SQL or through Prisma.
const USE_WRITE =
  /INSERT INTO promotion_redemption|UPDATE promotion\b|promotionRedemption\.(create|update|upsert|delete)|timesUsed:\s*\{\s*(increment|decrement)|"timesUsed"\s*=/;

describe("one writer of a code's uses", () => {
  it("only services/promotion-redemption-sql.ts writes promotion_redemption or promotion.timesUsed", () => {
    const writers = sourceFiles().filter((path) => USE_WRITE.test(readFileSync(join(root, path), "utf8")));
    expect(writers).toEqual(["packages/api/src/services/promotion-redemption-sql.ts"]);
  });
});

describe("orderPromotionSql", () => {
  const parts = orderPromotionSql({
    promotionId: "$20",
    userId: "$9",
    email: "$21",
    now: "now()",
    termsUpdatedAt: "$22::timestamptz",
    when: "(SELECT unchanged AND enough FROM checked)",
    from: "placed",
    orderId: "placed.id",
    discountCents: "$23::bigint",
  });

  it("locks the promotion row before judging it, and takes a use only when the verdict and `when` allow", () => {
    expect(parts.locked).toMatch(/FROM promotion WHERE id = \(\$20\)::uuid FOR NO KEY UPDATE/);
    expect(parts.verdict).toContain("LEFT JOIN promotion_locked p");
    expect(parts.used).toContain("v.reason IS NULL AND ((SELECT unchanged AND enough FROM checked))");
    expect(parts.redeemed).toContain("FROM promotion_used, placed");
    expect(parts.ok).toBe("(($20)::uuid IS NULL OR EXISTS (SELECT 1 FROM promotion_used))");
  });

  it("names every refusal the engine knows that does not depend on the cart", () => {
    for (const reason of ["not_found", "not_started", "expired", "usage_limit", "per_customer_limit"])
      expect(parts.verdict).toContain(`'${reason}'`);
    expect(REDEEM_PROMOTION_SQL.text).toContain("promotion_redeemed AS (INSERT INTO promotion_redemption");
  });
});
