import {
  CreatePromotionInput,
  PromotionCodeInput,
  PromotionListInput,
  UpdatePromotionInput,
} from "../schemas/promotion.ts";
import { createPromotion, getPromotion, listPromotions, updatePromotion } from "../services/promotions.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

// Discount codes in the admin: staff create, edit, deactivate and read them with their usage.
export const promotionRouter = createTRPCRouter({
  create: staffProcedure.input(CreatePromotionInput).mutation(async ({ ctx, input }) => {
    const promotion = await createPromotion(ctx.db, input);
    ctx.audit.record({
      action: "promotion.create",
      entity: "promotion",
      entityId: promotion.id,
      after: promotion,
    });
    return promotion;
  }),

  byCode: staffProcedure
    .input(PromotionCodeInput)
    .query(({ ctx, input }) => getPromotion(ctx.db, input.code)),

  list: staffProcedure.input(PromotionListInput).query(({ ctx, input }) => listPromotions(ctx.db, input)),

  update: staffProcedure.input(UpdatePromotionInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await updatePromotion(ctx.db, input);
    ctx.audit.record({ action: "promotion.update", entity: "promotion", entityId: after.id, before, after });
    return after;
  }),
});
