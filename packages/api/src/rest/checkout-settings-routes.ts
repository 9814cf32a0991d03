import { TRPCError } from "@trpc/server";
import { NotFoundError } from "../errors.ts";
import type { ShippingMethodPatch } from "../schemas/checkout-settings.ts";
import {
  createShippingMethod,
  deleteShippingMethod,
  updateShippingMethod,
} from "../services/shipping-methods.ts";
import {
  createShippingZone,
  deleteShippingZone,
  listShippingZones,
  updateShippingZone,
} from "../services/shipping-zones.ts";
import { getShopSettings, updateShopSettings } from "../services/shop-settings.ts";
import { deleteTaxRate, listTaxRates, upsertTaxRate } from "../services/tax-rates.ts";
import { staffProcedure } from "../trpc.ts";
import {
  RestCreateShippingMethodInput,
  RestCreateShippingZoneInput,
  RestNoInput,
  RestPathIdInput,
  RestShippingMethod,
  RestShippingZone,
  RestShippingZoneList,
  RestShopSettings,
  RestTaxRate,
  RestTaxRateList,
  RestTaxRateListInput,
  RestUpdateShippingMethodInput,
  RestUpdateShippingZoneInput,
  RestUpdateShopSettingsInput,
  RestUpsertTaxRateInput,
  restMethodAmounts,
} from "./checkout-settings-schemas.ts";
import {
  methodCents,
  toMethodInput,
  toPpm,
  toRestMethod,
  toRestSettings,
  toRestTaxRate,
  toRestZone,
} from "./checkout-settings-serialize.ts";
import { uncoerced } from "./uncoerced.ts";

// Staff REST routes of shipping zones, methods, tax rates and the tax-inclusive setting (issue 15),
// over the services the tRPC shipping.* and tax.* procedures call. Merged into the REST router.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are free text in REST; anything that cannot be an id does not exist. */
function existingId(id: string, what: "Shipping zone" | "Shipping method" | "Tax rate", key: string): string {
  if (!UUID.test(id)) throw new NotFoundError(`${what} not found`, { [key]: id });
  return id;
}

const tags = ["checkout settings"];

export const checkoutSettingsRestRoutes = {
  listShippingZones: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/shipping-zones",
        protect: true,
        tags,
        summary: "Shipping zones with their regions and methods (staff)",
      },
    })
    .input(uncoerced(RestNoInput))
    .output(RestShippingZoneList)
    .query(async ({ ctx }) => ({ zones: (await listShippingZones(ctx.db)).map(toRestZone) })),

  createShippingZone: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/shipping-zones",
        protect: true,
        tags,
        summary: "Create a shipping zone with its regions and, optionally, its methods (staff)",
      },
    })
    .input(uncoerced(RestCreateShippingZoneInput))
    .output(RestShippingZone)
    .mutation(async ({ ctx, input }) => {
      const zone = await createShippingZone(ctx.db, { ...input, methods: input.methods.map(toMethodInput) });
      ctx.audit.record({
        action: "shipping.zone.create",
        entity: "shipping_zone",
        entityId: zone.id,
        after: zone,
      });
      return toRestZone(zone);
    }),

  updateShippingZone: staffProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/shipping-zones/{id}",
        protect: true,
        tags,
        summary: "Rename, reorder, (de)activate a zone or replace its regions (staff)",
      },
    })
    .input(uncoerced(RestUpdateShippingZoneInput))
    .output(RestShippingZone)
    .mutation(async ({ ctx, input }) => {
      const { id: pathIdValue, ...patch } = input;
      const id = existingId(pathIdValue, "Shipping zone", "zoneId");
      const { before, after } = await updateShippingZone(ctx.db, id, patch);
      ctx.audit.record({
        action: "shipping.zone.update",
        entity: "shipping_zone",
        entityId: id,
        before,
        after,
      });
      return toRestZone(after);
    }),

  deleteShippingZone: staffProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/shipping-zones/{id}",
        protect: true,
        tags,
        summary: "Delete a zone with its methods (staff)",
      },
    })
    .input(uncoerced(RestPathIdInput))
    .output(RestShippingZone)
    .mutation(async ({ ctx, input }) => {
      const zone = await deleteShippingZone(ctx.db, existingId(input.id, "Shipping zone", "zoneId"));
      ctx.audit.record({
        action: "shipping.zone.delete",
        entity: "shipping_zone",
        entityId: zone.id,
        before: zone,
      });
      return toRestZone(zone);
    }),

  createShippingMethod: staffProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/shipping-zones/{id}/methods",
        protect: true,
        tags,
        summary: "Add a shipping method (flat, free over a subtotal, or by weight) to a zone (staff)",
      },
    })
    .input(uncoerced(RestCreateShippingMethodInput))
    .output(RestShippingMethod)
    .mutation(async ({ ctx, input }) => {
      const { id: pathIdValue, ...method } = input;
      const zoneId = existingId(pathIdValue, "Shipping zone", "zoneId");
      const created = await createShippingMethod(ctx.db, zoneId, toMethodInput(method));
      ctx.audit.record({
        action: "shipping.method.create",
        entity: "shipping_method",
        entityId: created.id,
        after: created,
      });
      return toRestMethod(created);
    }),

  updateShippingMethod: staffProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/shipping-methods/{id}",
        protect: true,
        tags,
        summary: "Change a shipping method (staff)",
      },
    })
    .input(uncoerced(RestUpdateShippingMethodInput))
    .output(RestShippingMethod)
    .mutation(async ({ ctx, input }) => {
      const { id: pathIdValue, price, threshold, weightTiers, ...fields } = input;
      const id = existingId(pathIdValue, "Shipping method", "methodId");
      const current = await ctx.db.shippingMethod.findUnique({ where: { id }, select: { currency: true } });
      if (!current) throw new NotFoundError("Shipping method not found", { methodId: id });
      const currency = fields.currency ?? current.currency.trim();
      // The amounts' decimals are the method's currency's: a 400 naming each field, as zod's.
      const amounts = restMethodAmounts(currency).safeParse(input);
      if (!amounts.success) throw new TRPCError({ code: "BAD_REQUEST", cause: amounts.error });
      const patch: ShippingMethodPatch = {
        ...fields,
        ...methodCents({ price, threshold, weightTiers }, currency),
      };
      const { before, after } = await updateShippingMethod(ctx.db, id, patch);
      ctx.audit.record({
        action: "shipping.method.update",
        entity: "shipping_method",
        entityId: id,
        before,
        after,
      });
      return toRestMethod(after);
    }),

  deleteShippingMethod: staffProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/shipping-methods/{id}",
        protect: true,
        tags,
        summary: "Delete a shipping method (staff)",
      },
    })
    .input(uncoerced(RestPathIdInput))
    .output(RestShippingMethod)
    .mutation(async ({ ctx, input }) => {
      const method = await deleteShippingMethod(ctx.db, existingId(input.id, "Shipping method", "methodId"));
      ctx.audit.record({
        action: "shipping.method.delete",
        entity: "shipping_method",
        entityId: method.id,
        before: method,
      });
      return toRestMethod(method);
    }),

  listTaxRates: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/tax-rates",
        protect: true,
        tags,
        summary: "Tax rates by country and state, optionally of one country (staff)",
      },
    })
    .input(uncoerced(RestTaxRateListInput))
    .output(RestTaxRateList)
    .query(async ({ ctx, input }) => ({ rates: (await listTaxRates(ctx.db, input)).map(toRestTaxRate) })),

  upsertTaxRate: staffProcedure
    .meta({
      openapi: {
        method: "PUT",
        path: "/tax-rates",
        protect: true,
        tags,
        summary: 'Set the tax rate of a country (state "") or of one state or province in it (staff)',
      },
    })
    .input(uncoerced(RestUpsertTaxRateInput))
    .output(RestTaxRate)
    .mutation(async ({ ctx, input }) => {
      const { ratePercent, shippingRatePercent, ...key } = input;
      const { before, after } = await upsertTaxRate(ctx.db, {
        ...key,
        ratePpm: toPpm(ratePercent),
        shippingRatePpm: shippingRatePercent === null ? null : toPpm(shippingRatePercent),
      });
      ctx.audit.record({
        action: before ? "tax.rate.update" : "tax.rate.create",
        entity: "tax_rate",
        entityId: after.id,
        before,
        after,
      });
      return toRestTaxRate(after);
    }),

  deleteTaxRate: staffProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/tax-rates/{id}",
        protect: true,
        tags,
        summary: "Delete a tax rate (staff)",
      },
    })
    .input(uncoerced(RestPathIdInput))
    .output(RestTaxRate)
    .mutation(async ({ ctx, input }) => {
      const rate = await deleteTaxRate(ctx.db, existingId(input.id, "Tax rate", "taxRateId"));
      ctx.audit.record({ action: "tax.rate.delete", entity: "tax_rate", entityId: rate.id, before: rate });
      return toRestTaxRate(rate);
    }),

  shopSettings: staffProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/shop-settings",
        protect: true,
        tags,
        summary: "The shop's settings: whether prices include tax (staff)",
      },
    })
    .input(uncoerced(RestNoInput))
    .output(RestShopSettings)
    .query(async ({ ctx }) => toRestSettings(await getShopSettings(ctx.db))),

  updateShopSettings: staffProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/shop-settings",
        protect: true,
        tags,
        summary: "Make catalogue prices tax-inclusive (EU style) or exclusive (staff)",
      },
    })
    .input(uncoerced(RestUpdateShopSettingsInput))
    .output(RestShopSettings)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await updateShopSettings(ctx.db, input);
      ctx.audit.record({
        action: "shop.settings.update",
        entity: "shop_settings",
        entityId: "1",
        before,
        after,
      });
      return toRestSettings(after);
    }),
};

/** Routes that answer 201. */
export const CHECKOUT_SETTINGS_CREATED_PATHS = ["createShippingZone", "createShippingMethod"];
