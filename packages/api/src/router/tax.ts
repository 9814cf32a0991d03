import {
  TaxRateIdInput,
  TaxRateListInput,
  UpdateShopSettingsInput,
  UpsertTaxRateInput,
} from "../schemas/checkout-settings.ts";
import { getShopSettings, updateShopSettings } from "../services/shop-settings.ts";
import { deleteTaxRate, listTaxRates, upsertTaxRate } from "../services/tax-rates.ts";
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

// Staff: tax rates by country and state, and whether catalogue prices include tax (issue 15).

export const taxRouter = createTRPCRouter({
  rates: staffProcedure.input(TaxRateListInput).query(({ ctx, input }) => listTaxRates(ctx.db, input)),

  upsertRate: staffProcedure.input(UpsertTaxRateInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await upsertTaxRate(ctx.db, input);
    ctx.audit.record({
      action: before ? "tax.rate.update" : "tax.rate.create",
      entity: "tax_rate",
      entityId: after.id,
      before,
      after,
    });
    return after;
  }),

  deleteRate: staffProcedure.input(TaxRateIdInput).mutation(async ({ ctx, input }) => {
    const rate = await deleteTaxRate(ctx.db, input.id);
    ctx.audit.record({ action: "tax.rate.delete", entity: "tax_rate", entityId: rate.id, before: rate });
    return rate;
  }),

  settings: staffProcedure.query(({ ctx }) => getShopSettings(ctx.db)),

  updateSettings: staffProcedure.input(UpdateShopSettingsInput).mutation(async ({ ctx, input }) => {
    const { before, after } = await updateShopSettings(ctx.db, input);
    ctx.audit.record({
      action: "shop.settings.update",
      entity: "shop_settings",
      entityId: "1",
      before,
      after,
    });
    return after;
  }),
});
