import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "./auth/session.ts";
import { createContextInner } from "./context.ts";
import { restRouter } from "./rest/router.ts";
import { appRouter } from "./root.ts";
import { callerAs, createTestUser, useTestContext } from "./testing.ts";
import { createCallerFactory } from "./trpc.ts";

type Access = "public" | "customer" | "staff" | "admin";

/**
 * Who may call each procedure. A procedure missing here fails the first test, so whoever adds one
 * must say who may call it; the walk below then proves the base procedure really enforces it.
 */
const expectedAccess: Record<string, Access> = {
  "product.categories": "public",
  "product.list": "public",
  "product.byId": "public",
  "product.bySlug": "public",
  "product.create": "staff",
  "product.update": "staff",
  "product.setOptions": "staff",
  "product.addVariant": "staff",
  "product.updateVariant": "staff",
  "product.updateVariants": "staff",
  "product.reorderVariants": "staff",
  "product.variantBySku": "staff",
  "product.archive": "staff",
  "product.unarchive": "staff",
  "product.bulkSetArchived": "staff",
  "productCsv.export": "staff",
  "productCsv.preview": "staff",
  "productCsv.import": "staff",
  "inventory.levels": "staff",
  "inventory.adjust": "staff",
  "inventory.movements": "staff",
  "order.create": "customer",
  "order.byId": "customer",
  "order.listMine": "customer",
  "order.listByUser": "customer",
  "order.cancel": "customer",
  "order.list": "staff",
  "order.transition": "staff",
  "order.bulkTransition": "staff",
  "cart.get": "customer",
  "cart.add": "customer",
  "cart.setQuantity": "customer",
  "cart.remove": "customer",
  "cart.clear": "customer",
  "cart.merge": "customer",
  "shipping.zones": "staff",
  "shipping.createZone": "staff",
  "shipping.updateZone": "staff",
  "shipping.deleteZone": "staff",
  "shipping.createMethod": "staff",
  "shipping.updateMethod": "staff",
  "shipping.deleteMethod": "staff",
  "tax.rates": "staff",
  "tax.upsertRate": "staff",
  "tax.deleteRate": "staff",
  "tax.settings": "staff",
  "tax.updateSettings": "staff",
  "promotion.create": "staff",
  "promotion.byCode": "staff",
  "promotion.list": "staff",
  "promotion.update": "staff",
  "checkout.quote": "public",
  "rest.createOrder": "customer",
  "rest.orderById": "customer",
  "rest.cancelOrder": "customer",
  "rest.userOrders": "customer",
  "rest.listProducts": "public",
  "rest.productById": "public",
  "rest.createProduct": "staff",
  "rest.updateVariants": "staff",
  "rest.variantBySku": "staff",
  "rest.adjustInventory": "staff",
  "rest.listShippingZones": "staff",
  "rest.createShippingZone": "staff",
  "rest.updateShippingZone": "staff",
  "rest.deleteShippingZone": "staff",
  "rest.createShippingMethod": "staff",
  "rest.updateShippingMethod": "staff",
  "rest.deleteShippingMethod": "staff",
  "rest.listTaxRates": "staff",
  "rest.upsertTaxRate": "staff",
  "rest.deleteTaxRate": "staff",
  "rest.shopSettings": "staff",
  "rest.updateShopSettings": "staff",
  "rest.createPromotion": "staff",
  "rest.promotionByCode": "staff",
  "rest.listPromotions": "staff",
  "rest.updatePromotion": "staff",
  "rest.checkoutQuote": "public",
  "auth.me": "customer",
  "auth.updateProfile": "customer",
  "auth.addresses.list": "customer",
  "auth.addresses.create": "customer",
  "auth.addresses.update": "customer",
  "auth.addresses.setDefault": "customer",
  "auth.addresses.remove": "customer",
  "admin.auditLog": "staff",
  "admin.dashboard": "staff",
  "admin.emails": "staff",
  "admin.customers": "staff",
  "admin.customer": "staff",
  "admin.search": "staff",
  "staff.list": "admin",
  "staff.create": "admin",
  "staff.setRole": "admin",
  "staff.setActive": "admin",
};

const rank: Record<Access | "anonymous", number> = {
  anonymous: 0,
  public: 0,
  customer: 1,
  staff: 2,
  admin: 3,
};

const t = useTestContext({ poolSize: 2 });
const callers: Record<"anonymous" | "customer" | "staff" | "admin", SessionUser | null> = {
  anonymous: null,
  customer: null,
  staff: null,
  admin: null,
};

beforeAll(async () => {
  callers.customer = await createTestUser(t.db, { role: "CUSTOMER" });
  callers.staff = await createTestUser(t.db, { role: "STAFF" });
  callers.admin = await createTestUser(t.db, { role: "ADMIN" });
});

type ProcedureRecord = Record<string, { _def: { type: string } }>;
const createRestCaller = createCallerFactory(restRouter);

// Both routers: the one the web app uses and the REST surface mounted by trpc-to-openapi.
const procedures = [
  ...Object.entries(appRouter._def.procedures as unknown as ProcedureRecord),
  ...Object.entries(restRouter._def.procedures as unknown as ProcedureRecord).map(
    ([path, procedure]) => [`rest.${path}`, procedure] as const,
  ),
];

async function callAs(role: keyof typeof callers, path: string, type: string): Promise<string> {
  const caller = (path.startsWith("rest.")
    ? { rest: createRestCaller(createContextInner(t.services, { user: callers[role] })) }
    : callerAs(t.services, callers[role])) as unknown as Record<string, unknown>;
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    // No input: every access check runs before input parsing, so an allowed caller gets BAD_REQUEST at worst.
    await fn(undefined);
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw new Error(`${type} ${path} as ${role} threw a non-tRPC error: ${String(error)}`);
  }
}

describe("access rules of every procedure", () => {
  it("has an expected access level for every procedure in the router, and no stale entries", () => {
    const inRouter = procedures.map(([path]) => path).sort();
    expect(inRouter).toEqual(Object.keys(expectedAccess).sort());
  });

  it.each(procedures.map(([path, procedure]) => [path, procedure._def.type] as const))(
    "%s (%s)",
    async (path, type) => {
      const access = expectedAccess[path];
      if (!access) throw new Error(`no expected access for ${path}`);
      for (const role of ["anonymous", "customer", "staff", "admin"] as const) {
        const outcome = await callAs(role, path, type);
        if (rank[role] < rank[access]) {
          expect(outcome, `${path} must refuse ${role}`).toBe(
            role === "anonymous" ? "UNAUTHORIZED" : "FORBIDDEN",
          );
        } else {
          // Let through: it runs (no input needed) or gets as far as parsing its (missing) input.
          expect(["OK", "BAD_REQUEST"], `${path} must let ${role} through`).toContain(outcome);
        }
      }
    },
  );
});
