import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { toMajorUnits } from "../domain/money.ts";
import {
  createPromotion,
  getPromotion,
  listPromotions,
  type PromotionUsage,
  type PromotionView,
  updatePromotion,
} from "../services/promotions.ts";
import { staffProcedure } from "../trpc.ts";
import {
  PPM_PER_PERCENT,
  RestCreatePromotionInput,
  RestPromotion,
  RestPromotionCodeInput,
  RestPromotionDetail,
  RestPromotionListInput,
  RestPromotionPage,
  RestUpdatePromotionInput,
  restPromotionAmounts,
  restPromotionAmountsOf,
  toCreatePromotion,
  toUpdatePromotion,
} from "./promotion-schemas.ts";
import { uncoerced } from "./uncoerced.ts";

// Staff REST routes of discount codes (issue 15), over the services promotion.* calls; merged into
// the REST router. Amounts in major units and percent (rest/promotion-schemas.ts).

export function toRestPromotion(promotion: PromotionView): z.infer<typeof RestPromotion> {
  const { currency } = promotion;
  return {
    id: promotion.id,
    code: promotion.code,
    description: promotion.description,
    type: promotion.type,
    value:
      promotion.value === null
        ? null
        : promotion.type === "percentage"
          ? promotion.value / PPM_PER_PERCENT
          : toMajorUnits(promotion.value, currency),
    currency,
    minimumSubtotal:
      promotion.minimumSubtotalCents === null ? null : toMajorUnits(promotion.minimumSubtotalCents, currency),
    startsAt: promotion.startsAt?.toISOString() ?? null,
    endsAt: promotion.endsAt?.toISOString() ?? null,
    usageLimit: promotion.usageLimit,
    perCustomerLimit: promotion.perCustomerLimit,
    timesUsed: promotion.timesUsed,
    active: promotion.active,
    appliesTo: promotion.appliesTo,
    createdAt: promotion.createdAt.toISOString(),
    updatedAt: promotion.updatedAt.toISOString(),
  };
}

function toRestPromotionDetail(
  promotion: PromotionView & { usage: PromotionUsage },
): z.infer<typeof RestPromotionDetail> {
  const { usage, currency } = promotion;
  return {
    ...toRestPromotion(promotion),
    usage: {
      timesUsed: usage.timesUsed,
      orders: usage.orders,
      cancelledOrders: usage.cancelledOrders,
      revenue: toMajorUnits(usage.revenueCents, currency),
      discount: toMajorUnits(usage.discountCents, currency),
    },
  };
}

/** Status codes that differ from 200 on success (merged into REST_CREATED_PATHS). */
export const PROMOTION_CREATED_PATHS = ["createPromotion"];

export const promotionRestRoutes = {
  createPromotion: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/promotions",
        protect: true,
        tags: ["promotions"],
        summary: "Create a discount code (staff)",
      },
    })
    .input(uncoerced(RestCreatePromotionInput))
    .output(RestPromotion)
    .mutation(async ({ ctx, input }) => {
      const promotion = await createPromotion(ctx.db, toCreatePromotion(input));
      ctx.audit.record({
        action: "promotion.create",
        entity: "promotion",
        entityId: promotion.id,
        after: promotion,
      });
      return toRestPromotion(promotion);
    }),

  promotionByCode: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/promotions/{code}",
        protect: true,
        tags: ["promotions"],
        summary: "A discount code with timesUsed and its usage: orders, revenue, discount given (staff)",
      },
    })
    .input(uncoerced(RestPromotionCodeInput))
    .output(RestPromotionDetail)
    .query(async ({ ctx, input }) => toRestPromotionDetail(await getPromotion(ctx.db, input.code))),

  listPromotions: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/promotions",
        protect: true,
        tags: ["promotions"],
        summary: "Discount codes, newest first, by activity or part of the code or description (staff)",
      },
    })
    .input(uncoerced(RestPromotionListInput))
    .output(RestPromotionPage)
    .query(async ({ ctx, input }) => {
      const page = await listPromotions(ctx.db, {
        ...input,
        active: input.active === undefined ? undefined : input.active === "true",
      });
      return { promotions: page.promotions.map(toRestPromotion), nextCursor: page.nextCursor };
    }),

  updatePromotion: staffProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/promotions/{code}",
        protect: true,
        tags: ["promotions"],
        summary: "Edit, deactivate (active: false) or reactivate a discount code (staff)",
      },
    })
    .input(uncoerced(RestUpdatePromotionInput))
    .output(RestPromotion)
    .mutation(async ({ ctx, input }) => {
      // The amounts are read in the code's type and currency as patched: the stored ones unless changed.
      const stored = await getPromotion(ctx.db, input.code);
      const type = input.type ?? stored.type;
      const currency = input.currency ?? stored.currency;
      const checked = restPromotionAmountsOf(type, currency).safeParse(input);
      if (!checked.success) throw new TRPCError({ code: "BAD_REQUEST", cause: checked.error });
      const amounts = restPromotionAmounts(input, type, currency);
      const { before, after } = await updatePromotion(ctx.db, toUpdatePromotion(input, amounts));
      ctx.audit.record({
        action: "promotion.update",
        entity: "promotion",
        entityId: after.id,
        before,
        after,
      });
      return toRestPromotion(after);
    }),
};
