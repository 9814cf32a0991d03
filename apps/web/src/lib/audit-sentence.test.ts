import { describe, expect, it } from "vitest";
import { auditSentence } from "./audit-sentence.ts";

const entry = (
  action: string,
  before: unknown = null,
  after: unknown = null,
  entityId: string | null = "x",
) => ({
  action,
  entityId,
  before,
  after,
});

describe("auditSentence", () => {
  it("says what happened in words, with the values that matter", () => {
    expect(auditSentence(entry("order.transition", { status: "pending" }, { status: "paid" }))).toEqual({
      verb: "marked",
      rest: "paid",
    });
    expect(auditSentence(entry("inventory.adjust", { onHand: 7 }, { onHand: 8, reason: "restock" }))).toEqual(
      {
        verb: "changed the stock of",
        rest: "from 7 to 8 (restock)",
      },
    );
    expect(auditSentence(entry("staff.setRole", { role: "STAFF" }, { role: "ADMIN" }))).toEqual({
      verb: "changed the role of",
      rest: "to admin",
    });
    expect(auditSentence(entry("staff.setActive", { active: true }, { active: false })).verb).toBe(
      "deactivated",
    );
    expect(auditSentence(entry("product.import", null, { created: 2, updated: 1 })).rest).toBe(
      "(2 created, 1 updated)",
    );
    expect(auditSentence(entry("access.denied", null, {}, "product.create")).verb).toBe(
      "was refused product.create",
    );
  });

  it("keeps an action it does not know readable by its name", () => {
    expect(auditSentence(entry("cart.add")).verb).toBe("changed their own cart");
    expect(auditSentence(entry("order.bulkTransition")).verb).toBe("order.bulkTransition");
  });
});
