import { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { assertWeightTiers, type ShippingRate, type WeightTier } from "../domain/pricing/index.ts";
import { InvalidInputError, NotFoundError } from "../errors.ts";
import type {
  ShippingMethodInput,
  ShippingMethodPatch,
  ShippingRateKind,
} from "../schemas/checkout-settings.ts";

// A shipping zone's methods (issue 15). Each is priced as the pricing engine's ShippingRate of its
// kind; the columns a kind does not use are cleared, so a row always says exactly how it prices.

export const shippingMethodSelect = {
  id: true,
  zoneId: true,
  name: true,
  estimate: true,
  kind: true,
  priceCents: true,
  thresholdCents: true,
  weightTiers: true,
  currency: true,
  active: true,
  position: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ShippingMethodSelect;

type MethodRow = Prisma.ShippingMethodGetPayload<{ select: typeof shippingMethodSelect }>;

export interface ShippingMethodView extends Omit<MethodRow, "weightTiers"> {
  weightTiers: WeightTier[] | null;
}

export function toShippingMethodView(row: MethodRow): ShippingMethodView {
  return {
    ...row,
    currency: row.currency.trim(),
    weightTiers: (row.weightTiers as WeightTier[] | null) ?? null,
  };
}

/** A method as checkout offers it: the engine's rate beside what the shopper sees. */
export interface ShippingOption {
  id: string;
  name: string;
  estimate: string;
  currency: string;
  rate: ShippingRate;
}

/** The engine's rate of a method row (its kind's columns, which the CHECKs guarantee are set). */
export function shippingRateOf(method: {
  kind: ShippingRateKind;
  priceCents: number;
  thresholdCents: number | null;
  weightTiers: unknown;
}): ShippingRate {
  switch (method.kind) {
    case "flat":
      return { type: "flat", priceCents: method.priceCents };
    case "free_over":
      return { type: "free_over", priceCents: method.priceCents, thresholdCents: method.thresholdCents ?? 0 };
    case "weight":
      return { type: "weight", tiers: (method.weightTiers as WeightTier[] | null) ?? [] };
  }
}

export function toShippingOption(row: MethodRow): ShippingOption {
  return {
    id: row.id,
    name: row.name,
    estimate: row.estimate,
    currency: row.currency.trim(),
    rate: shippingRateOf(row),
  };
}

/**
 * A method that its kind cannot price once a patch is applied (zod checks each input alone): a 400
 * whose REST details list the field as zod's do.
 */
export class InvalidShippingRateError extends InvalidInputError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, { field });
  }

  override get restDetails() {
    return [{ path: this.field, message: this.message }] as unknown as Record<string, unknown>;
  }
}

interface RateFields {
  kind: ShippingRateKind;
  priceCents?: number | null | undefined;
  thresholdCents?: number | null | undefined;
  weightTiers?: WeightTier[] | null | undefined;
}

/**
 * The rate columns of a method as it will be: what its kind needs (a 400 naming the field when it is
 * missing, or when the tiers break the engine's rule), and null or 0 in the columns it does not use.
 */
function rateColumns(method: RateFields) {
  const missing = (field: string, message: string) => new InvalidShippingRateError(field, message);
  switch (method.kind) {
    case "flat":
    case "free_over": {
      if (method.priceCents == null) throw missing("priceCents", "Enter the shipping price");
      if (method.kind === "flat")
        return { priceCents: method.priceCents, thresholdCents: null, weightTiers: Prisma.DbNull };
      if (method.thresholdCents == null)
        throw missing("thresholdCents", "Enter the subtotal from which shipping is free");
      return {
        priceCents: method.priceCents,
        thresholdCents: method.thresholdCents,
        weightTiers: Prisma.DbNull,
      };
    }
    case "weight": {
      if (!method.weightTiers || method.weightTiers.length === 0)
        throw missing("weightTiers", "Add at least one weight tier");
      try {
        assertWeightTiers(method.weightTiers);
      } catch (error) {
        if (error instanceof RangeError)
          throw missing("weightTiers", error.message.charAt(0).toUpperCase() + error.message.slice(1));
        throw error;
      }
      const tiers = method.weightTiers.map(({ upToGrams, priceCents }) => ({ upToGrams, priceCents }));
      return { priceCents: 0, thresholdCents: null, weightTiers: tiers };
    }
  }
}

async function methodOf(tx: DbClient, id: string): Promise<ShippingMethodView> {
  const found = await tx.shippingMethod.findUnique({ where: { id }, select: shippingMethodSelect });
  if (!found) throw new NotFoundError("Shipping method not found", { methodId: id });
  return toShippingMethodView(found);
}

/** Adds a method to a zone known to exist (inside the caller's transaction). */
export async function createShippingMethodIn(
  tx: DbClient,
  zoneId: string,
  input: ShippingMethodInput,
): Promise<ShippingMethodView> {
  const position =
    input.position ??
    ((await tx.shippingMethod.aggregate({ where: { zoneId }, _max: { position: true } }))._max.position ??
      -1) + 1;
  const row = await tx.shippingMethod.create({
    data: {
      zoneId,
      name: input.name,
      estimate: input.estimate,
      kind: input.kind,
      currency: input.currency,
      active: input.active,
      position,
      ...rateColumns(input),
    },
    select: shippingMethodSelect,
  });
  return toShippingMethodView(row);
}

export async function createShippingMethod(
  db: DbClient,
  zoneId: string,
  input: ShippingMethodInput,
): Promise<ShippingMethodView> {
  return inTransaction(db, async (tx) => {
    // The zone stays while its method is added (a delete at once waits, then removes both).
    const [zone] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM shipping_zone WHERE id = ${zoneId}::uuid FOR KEY SHARE`;
    if (!zone) throw new NotFoundError("Shipping zone not found", { zoneId });
    return createShippingMethodIn(tx, zoneId, input);
  });
}

export async function updateShippingMethod(
  db: DbClient,
  id: string,
  patch: ShippingMethodPatch,
): Promise<{ before: ShippingMethodView; after: ShippingMethodView }> {
  return inTransaction(db, async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM shipping_method WHERE id = ${id}::uuid FOR NO KEY UPDATE`;
    if (!locked) throw new NotFoundError("Shipping method not found", { methodId: id });
    const before = await methodOf(tx, id);
    const { kind, priceCents, thresholdCents, weightTiers, ...fields } = patch;
    const rateChanged = [kind, priceCents, thresholdCents, weightTiers].some((value) => value !== undefined);
    const rate = rateChanged
      ? {
          kind: kind ?? before.kind,
          ...rateColumns({
            kind: kind ?? before.kind,
            priceCents: priceCents ?? before.priceCents,
            thresholdCents: thresholdCents === undefined ? before.thresholdCents : thresholdCents,
            weightTiers: weightTiers === undefined ? before.weightTiers : weightTiers,
          }),
        }
      : {};
    const row = await tx.shippingMethod.update({
      where: { id },
      data: { ...fields, ...rate },
      select: shippingMethodSelect,
    });
    return { before, after: toShippingMethodView(row) };
  });
}

/** Deletes a method; orders placed with it keep its name (their link to it is cleared). */
export async function deleteShippingMethod(db: DbClient, id: string): Promise<ShippingMethodView> {
  return inTransaction(db, async (tx) => {
    const method = await methodOf(tx, id);
    await tx.shippingMethod.delete({ where: { id } });
    return method;
  });
}
