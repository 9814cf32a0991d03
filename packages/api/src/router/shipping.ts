import {
  CreateShippingMethodInput,
  CreateShippingZoneInput,
  ShippingMethodIdInput,
  ShippingZoneIdInput,
  UpdateShippingMethodInput,
  UpdateShippingZoneInput,
} from "../schemas/checkout-settings.ts";
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
import { createTRPCRouter, staffProcedure } from "../trpc.ts";

// Staff: shipping zones with their regions and methods (issue 15). Checkout reads them through
// services/shipping-zones.ts zoneForAddress.

export const shippingRouter = createTRPCRouter({
  zones: staffProcedure.query(({ ctx }) => listShippingZones(ctx.db)),

  createZone: staffProcedure.input(CreateShippingZoneInput).mutation(async ({ ctx, input }) => {
    const zone = await createShippingZone(ctx.db, input);
    ctx.audit.record({
      action: "shipping.zone.create",
      entity: "shipping_zone",
      entityId: zone.id,
      after: zone,
    });
    return zone;
  }),

  updateZone: staffProcedure.input(UpdateShippingZoneInput).mutation(async ({ ctx, input }) => {
    const { id, ...patch } = input;
    const { before, after } = await updateShippingZone(ctx.db, id, patch);
    ctx.audit.record({
      action: "shipping.zone.update",
      entity: "shipping_zone",
      entityId: id,
      before,
      after,
    });
    return after;
  }),

  deleteZone: staffProcedure.input(ShippingZoneIdInput).mutation(async ({ ctx, input }) => {
    const zone = await deleteShippingZone(ctx.db, input.id);
    ctx.audit.record({
      action: "shipping.zone.delete",
      entity: "shipping_zone",
      entityId: zone.id,
      before: zone,
    });
    return zone;
  }),

  createMethod: staffProcedure.input(CreateShippingMethodInput).mutation(async ({ ctx, input }) => {
    const { zoneId, ...method } = input;
    const created = await createShippingMethod(ctx.db, zoneId, method);
    ctx.audit.record({
      action: "shipping.method.create",
      entity: "shipping_method",
      entityId: created.id,
      after: created,
    });
    return created;
  }),

  updateMethod: staffProcedure.input(UpdateShippingMethodInput).mutation(async ({ ctx, input }) => {
    const { id, ...patch } = input;
    const { before, after } = await updateShippingMethod(ctx.db, id, patch);
    ctx.audit.record({
      action: "shipping.method.update",
      entity: "shipping_method",
      entityId: id,
      before,
      after,
    });
    return after;
  }),

  deleteMethod: staffProcedure.input(ShippingMethodIdInput).mutation(async ({ ctx, input }) => {
    const method = await deleteShippingMethod(ctx.db, input.id);
    ctx.audit.record({
      action: "shipping.method.delete",
      entity: "shipping_method",
      entityId: method.id,
      before: method,
    });
    return method;
  }),
});
