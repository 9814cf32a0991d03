import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { DbClient } from "../db-client.ts";
import { toMinorUnits } from "../domain/money.ts";
import { InvalidInputError, NotFoundError } from "../errors.ts";
import { DEFAULT_LOW_STOCK_THRESHOLD, type ProductListFilter } from "../schemas/catalog.ts";
import { toStockChange } from "../schemas/inventory.ts";
import { IdempotencyKeySchema } from "../schemas/order.ts";
import {
  cachedProduct,
  cachedProductPage,
  createProduct,
  getProduct,
  listProducts,
} from "../services/catalog.ts";
import { adjustStock } from "../services/inventory.ts";
import { cancelOrder, createOrder, getOrderFor, listOrdersOfUser } from "../services/orders.ts";
import { updateVariants, variantBySku } from "../services/variants.ts";
import { createTRPCRouter, customerProcedure, publicProcedure, staffProcedure } from "../trpc.ts";
import { checkoutRestRoutes } from "./checkout-routes.ts";
import { CHECKOUT_SETTINGS_CREATED_PATHS, checkoutSettingsRestRoutes } from "./checkout-settings-routes.ts";
import { PROMOTION_CREATED_PATHS, promotionRestRoutes } from "./promotion-routes.ts";
import {
  RestAdjustmentInput,
  RestCreateOrderInput,
  RestCreateProductInput,
  RestOrder,
  RestOrderDetail,
  RestOrderIdInput,
  RestOrderPage,
  RestProductDetail,
  RestProductIdInput,
  RestProductListInput,
  RestProductPage,
  RestStockLevel,
  RestUpdateVariantsInput,
  RestUserOrdersInput,
  RestVariantLookup,
  RestVariantSkuInput,
  restVariantPrices,
} from "./schemas.ts";
import {
  toRestOrder,
  toRestOrderSummary,
  toRestProduct,
  toRestProductDetail,
  toRestVariant,
} from "./serialize.ts";
import { uncoerced } from "./uncoerced.ts";

// The REST contract (mounted at /api/* by apps/api with trpc-to-openapi): thin translations between
// major units and cents over the same services the tRPC procedures call. Every input goes through
// uncoerced(): trpc-to-openapi would otherwise change shared schemas in place (see uncoerced.ts).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are free text in REST; anything that cannot be an id simply does not exist. */
function existingId(id: string, what: "Order" | "Product" | "Variant"): string {
  if (!UUID.test(id)) throw new NotFoundError(`${what} not found`, { [`${what.toLowerCase()}Id`]: id });
  return id;
}

/** Whether a path id names a variant (else it may be a product's, for single-variant products). */
async function isVariantId(db: DbClient, id: string): Promise<boolean> {
  return (await db.productVariant.count({ where: { id } })) > 0;
}

const IdempotencyHeaders = z.object({
  "idempotency-key": IdempotencyKeySchema.optional().meta({
    description: "Replays return the first order; a different body with the same key is a 409",
  }),
});

export const restRouter = createTRPCRouter({
  ...checkoutSettingsRestRoutes,
  ...promotionRestRoutes,
  ...checkoutRestRoutes,

  createOrder: customerProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/orders",
        protect: true,
        tags: ["orders"],
        summary: "Place an order",
        requestHeaders: IdempotencyHeaders,
        successDescription: "The order (201), or the original order when an idempotency key is replayed",
      },
    })
    .input(uncoerced(RestCreateOrderInput))
    .output(RestOrder)
    .mutation(async ({ ctx, input }) => {
      const rawKey = ctx.headers.get("idempotency-key") ?? undefined;
      const key = IdempotencyKeySchema.optional().safeParse(rawKey);
      if (!key.success)
        throw new InvalidInputError("Invalid Idempotency-Key header", { header: "Idempotency-Key" });
      await ctx.limits.consumeOrder(ctx.user.id);
      const { order } = await createOrder(
        ctx.db,
        {
          userId: input.userId ?? ctx.user.id,
          items: input.items,
          shippingAddress: input.shippingAddress,
          idempotencyKey: key.data,
        },
        ctx.user,
      );
      return toRestOrder(order);
    }),

  orderById: customerProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/orders/{id}",
        protect: true,
        tags: ["orders"],
        summary: "An order with its status history",
      },
    })
    .input(uncoerced(RestOrderIdInput))
    .output(RestOrderDetail)
    .query(async ({ ctx, input }) =>
      toRestOrder(await getOrderFor(ctx.db, existingId(input.id, "Order"), ctx.user)),
    ),

  cancelOrder: customerProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/orders/{id}/cancel",
        protect: true,
        tags: ["orders"],
        summary: "Cancel a pending or paid order and restock it",
      },
    })
    .input(uncoerced(RestOrderIdInput))
    .output(RestOrderDetail)
    .mutation(async ({ ctx, input }) => {
      const { order } = await cancelOrder(ctx.db, existingId(input.id, "Order"), ctx.user);
      ctx.audit.record({
        action: "order.cancel",
        entity: "order",
        entityId: order.id,
        after: { status: order.status },
      });
      return toRestOrder(order);
    }),

  userOrders: customerProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/users/{id}/orders",
        protect: true,
        tags: ["orders"],
        summary: "A user's orders, newest first (self or staff)",
      },
    })
    .input(uncoerced(RestUserOrdersInput))
    .output(RestOrderPage)
    .query(async ({ ctx, input }) => {
      const page = await listOrdersOfUser(ctx.db, input.id, ctx.user, {
        cursor: input.cursor,
        limit: input.limit,
      });
      return { orders: page.orders.map(toRestOrderSummary), nextCursor: page.nextCursor };
    }),

  listProducts: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/products",
        protect: false,
        tags: ["products"],
        summary: "Active products, newest first",
      },
    })
    .input(uncoerced(RestProductListInput))
    .output(RestProductPage)
    .query(({ ctx, input }) => {
      // Not defaults: REST lists only active products, newest first (its documented order).
      const filter: ProductListFilter = { ...input, sort: "newest", includeArchived: false };
      return cachedProductPage(ctx, `rest:list:${JSON.stringify(filter)}`, async (db) => {
        const page = await listProducts(db, filter);
        return { products: page.products.map(toRestProduct), nextCursor: page.nextCursor };
      });
    }),

  productById: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/products/{id}",
        protect: false,
        tags: ["products"],
        summary: "One active product",
      },
    })
    .input(uncoerced(RestProductIdInput))
    .output(RestProductDetail)
    .query(({ ctx, input }) => {
      const id = existingId(input.id, "Product");
      return cachedProduct(ctx, `rest:product:${id}`, async (db) =>
        toRestProductDetail(await getProduct(db, { id })),
      );
    }),

  createProduct: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/products",
        protect: true,
        tags: ["products"],
        summary: "Create a product (staff)",
      },
    })
    .input(uncoerced(RestCreateProductInput))
    .output(RestProductDetail)
    .mutation(async ({ ctx, input }) => {
      // The schema applied the shared defaults and checked the prices in the currency's units.
      const { price, variants, ...fields } = input;
      const product = await createProduct(
        ctx.db,
        {
          ...fields,
          priceCents: price === undefined ? undefined : toMinorUnits(price, fields.currency),
          variants: variants?.map(({ price: variantPrice, compareAtPrice, ...variant }) => ({
            ...variant,
            priceCents: toMinorUnits(variantPrice, fields.currency),
            compareAtPriceCents:
              compareAtPrice == null
                ? (compareAtPrice ?? undefined)
                : toMinorUnits(compareAtPrice, fields.currency),
          })),
          lowStockThreshold: DEFAULT_LOW_STOCK_THRESHOLD,
        },
        ctx.user.id,
      );
      ctx.audit.record({ action: "product.create", entity: "product", entityId: product.id, after: product });
      return toRestProductDetail(product);
    }),

  updateVariants: staffProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/products/{id}/variants",
        protect: true,
        tags: ["products"],
        summary:
          "Change many variants of a product at once, all or nothing; SKUs may be swapped among them (staff)",
      },
    })
    .input(uncoerced(RestUpdateVariantsInput))
    .output(RestProductDetail)
    .mutation(async ({ ctx, input }) => {
      const productId = existingId(input.id, "Product");
      const product = await ctx.db.product.findUnique({
        where: { id: productId },
        select: { currency: true },
      });
      if (!product) throw new NotFoundError("Product not found", { productId });
      const { currency } = product;
      // The prices' decimals and bounds are the product's currency's: a 400 naming each field, as zod's.
      const prices = restVariantPrices(currency).safeParse(input);
      if (!prices.success) throw new TRPCError({ code: "BAD_REQUEST", cause: prices.error });
      const { before, after } = await updateVariants(
        ctx.db,
        productId,
        input.variants.map(({ id, price, compareAtPrice, ...patch }) => ({
          id,
          patch: {
            ...patch,
            ...(price === undefined ? {} : { priceCents: toMinorUnits(price, currency) }),
            ...(compareAtPrice === undefined
              ? {}
              : {
                  compareAtPriceCents:
                    compareAtPrice === null ? null : toMinorUnits(compareAtPrice, currency),
                }),
          },
        })),
      );
      ctx.audit.record({ action: "product.update", entity: "product", entityId: after.id, before, after });
      return toRestProductDetail(after);
    }),

  variantBySku: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/variants",
        protect: true,
        tags: ["products"],
        summary: "The variant with a SKU, with its product (staff)",
      },
    })
    .input(uncoerced(RestVariantSkuInput))
    .output(RestVariantLookup)
    .query(async ({ ctx, input }) => {
      const { product, variant } = await variantBySku(ctx.db, input.sku);
      return {
        productId: product.id,
        productName: product.name,
        productActive: product.active,
        variant: toRestVariant(variant, product.currency),
      };
    }),

  adjustInventory: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/inventory/{variantId}/adjustments",
        protect: true,
        tags: ["inventory"],
        summary:
          "Adjust a variant's stock by a delta or to a level (staff; a single-variant product's id works too)",
      },
    })
    .input(uncoerced(RestAdjustmentInput))
    .output(RestStockLevel)
    .mutation(async ({ ctx, input }) => {
      const { variantId: pathIdValue, ...change } = input;
      const id = existingId(pathIdValue, "Variant");
      const ref = (await isVariantId(ctx.db, id)) ? { variantId: id } : { productId: id };
      const level = await adjustStock(ctx.db, toStockChange({ ...change, ...ref }), ctx.user.id);
      ctx.audit.record({
        action: "inventory.adjust",
        entity: "product",
        entityId: level.productId,
        before: { onHand: level.onHand - level.delta, variantId: level.variantId, sku: level.sku },
        after: { onHand: level.onHand, reason: input.reason, variantId: level.variantId, sku: level.sku },
      });
      return { productId: level.productId, variantId: level.variantId, sku: level.sku, stock: level.onHand };
    }),
});

export type RestRouter = typeof restRouter;

/** Status codes that differ from 200 on success. */
export const REST_CREATED_PATHS = new Set([
  "createOrder",
  "createProduct",
  ...CHECKOUT_SETTINGS_CREATED_PATHS,
  ...PROMOTION_CREATED_PATHS,
]);
