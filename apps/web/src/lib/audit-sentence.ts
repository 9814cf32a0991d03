/** An audit entry as the words around its subject: "marked" [order #100008] "paid". */
export interface AuditSentence {
  /** What the actor did, before the subject. */
  verb: string;
  /** What follows the subject, if anything. */
  rest?: string;
}

interface Entry {
  action: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

const PRODUCT_VERBS: Record<string, string> = {
  "product.create": "created",
  "product.update": "updated",
  "product.archive": "archived",
  "product.unarchive": "put back on sale",
};

/** One sentence per action, in one style ("<actor> <verb> <subject> <rest>"); unknown actions fall back to their name. */
export function auditSentence(entry: Entry): AuditSentence {
  const { action, before, after } = entry;
  if (action === "order.transition") return { verb: "marked", rest: String(field(after, "status") ?? "") };
  if (action === "order.cancel") return { verb: "cancelled" };
  if (action === "order.create") return { verb: "placed" };
  const productVerb = PRODUCT_VERBS[action];
  if (productVerb) return { verb: productVerb };
  if (action === "product.import") {
    return {
      verb: "imported products from a CSV file",
      rest: `(${field(after, "created") ?? 0} created, ${field(after, "updated") ?? 0} updated)`,
    };
  }
  if (action === "product.importPreview") return { verb: "checked a product CSV file before importing it" };
  if (action === "product.export") return { verb: "exported the products as CSV" };
  if (action === "inventory.adjust") {
    const reason = field(after, "reason");
    return {
      verb: "changed the stock of",
      rest: `from ${field(before, "onHand") ?? "?"} to ${field(after, "onHand") ?? "?"}${reason ? ` (${reason})` : ""}`,
    };
  }
  if (action === "staff.create") return { verb: "created the staff account" };
  if (action === "staff.setRole")
    return { verb: "changed the role of", rest: `to ${String(field(after, "role") ?? "").toLowerCase()}` };
  if (action === "staff.setActive") return { verb: field(after, "active") ? "reactivated" : "deactivated" };
  if (action === "customer.read") return { verb: "viewed the customer record of" };
  if (action === "access.denied") return { verb: `was refused ${entry.entityId ?? "a request"}` };
  if (action.startsWith("cart.")) return { verb: "changed their own cart" };
  return { verb: action };
}
