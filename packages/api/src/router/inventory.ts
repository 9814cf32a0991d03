import { AdjustStockInput, InventoryLevelsInput, StockMovementsInput } from "../schemas/inventory.ts";
import { adjustStock, listStockLevels, listStockMovements } from "../services/inventory.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

export const inventoryRouter = createTRPCRouter({
  levels: staffProcedure
    .input(InventoryLevelsInput)
    .query(({ ctx, input }) => listStockLevels(ctx.db, input)),

  adjust: staffProcedure.input(AdjustStockInput).mutation(async ({ ctx, input }) => {
    const level = await adjustStock(ctx.db, input, ctx.user.id);
    ctx.audit.record({
      action: "inventory.adjust",
      entity: "product",
      entityId: level.productId,
      before: { onHand: level.onHand - level.delta, variantId: level.variantId, sku: level.sku },
      after: {
        onHand: level.onHand,
        reason: input.reason,
        note: input.note,
        variantId: level.variantId,
        sku: level.sku,
      },
    });
    return level;
  }),

  movements: staffProcedure
    .input(StockMovementsInput)
    .query(({ ctx, input }) => listStockMovements(ctx.db, input)),
});
