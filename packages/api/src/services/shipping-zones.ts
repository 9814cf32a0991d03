import type { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import {
  type CreateShippingZoneInput,
  REST_OF_WORLD,
  regionKey,
  type ShippingRegionInput,
  type ShippingZonePatch,
} from "../schemas/checkout-settings.ts";
import {
  createShippingMethodIn,
  type ShippingMethodView,
  type ShippingOption,
  shippingMethodSelect,
  toShippingMethodView,
  toShippingOption,
} from "./shipping-methods.ts";
import { isUniqueViolation, RetryableConflictError } from "./transaction-retry.ts";

// Shipping zones (issue 15): each names its regions (a country, one state of it, or "*" for the rest
// of the world) and its methods. A region is in at most one zone (a unique key over all zones), so an
// address matches exactly one: its (country, state), else its (country, ''), else ('*', '').

export const shippingZoneSelect = {
  id: true,
  name: true,
  position: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  regions: { select: { country: true, state: true }, orderBy: [{ country: "asc" }, { state: "asc" }] },
  methods: {
    select: shippingMethodSelect,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ShippingZoneSelect;

type ZoneRow = Prisma.ShippingZoneGetPayload<{ select: typeof shippingZoneSelect }>;

export interface ShippingZoneView extends Omit<ZoneRow, "regions" | "methods"> {
  regions: { country: string; state: string }[];
  methods: ShippingMethodView[];
}

// char(2) reads '*' back as '* ': every region leaves here trimmed.
function toZoneView(zone: ZoneRow): ShippingZoneView {
  return {
    ...zone,
    regions: zone.regions.map(({ country, state }) => ({ country: country.trim(), state })),
    methods: zone.methods.map(toShippingMethodView),
  };
}

const ZONE_ORDER = [
  { position: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
] satisfies Prisma.ShippingZoneOrderByWithRelationInput[];

/** Every zone with its regions and methods, in the staff's order. */
export async function listShippingZones(db: DbClient): Promise<ShippingZoneView[]> {
  const zones = await db.shippingZone.findMany({ select: shippingZoneSelect, orderBy: ZONE_ORDER });
  return zones.map(toZoneView);
}

export async function getShippingZone(db: DbClient, id: string): Promise<ShippingZoneView> {
  const zone = await db.shippingZone.findUnique({ where: { id }, select: shippingZoneSelect });
  if (!zone) throw new NotFoundError("Shipping zone not found", { zoneId: id });
  return toZoneView(zone);
}

function describeRegion({ country, state }: { country: string; state: string }): string {
  if (country === REST_OF_WORLD) return "The rest of the world (*)";
  return state ? `${country}-${state} (state ${state} of ${country})` : `${country} (the whole country)`;
}

/** 409 naming each region another zone already has; nothing is written. */
async function refuseTakenRegions(
  tx: DbClient,
  regions: readonly ShippingRegionInput[],
  zoneId: string | null,
): Promise<void> {
  if (regions.length === 0) return;
  const taken = await tx.shippingZoneRegion.findMany({
    where: {
      OR: regions.map(({ country, state }) => ({ country, state })),
      ...(zoneId ? { NOT: { zoneId } } : {}),
    },
    select: { country: true, state: true, zone: { select: { id: true, name: true } } },
    orderBy: [{ country: "asc" }, { state: "asc" }],
  });
  if (taken.length === 0) return;
  const list = taken.map(({ country, state, zone }) => ({
    country: country.trim(),
    state,
    zoneId: zone.id,
    zoneName: zone.name,
  }));
  const [first] = list;
  const more = list.length > 1 ? ` (and ${list.length - 1} more region${list.length > 2 ? "s" : ""})` : "";
  throw new ConflictError(
    `${first ? describeRegion(first) : "A region"} is already in the shipping zone "${first?.zoneName}"${more}`,
    { regions: list },
  );
}

/** Another zone took a region between our check and our insert: run it again, which names it. */
async function regionRaceIsRetried<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "country"))
      throw new RetryableConflictError("A region is already in another shipping zone");
    throw error;
  }
}

export async function createShippingZone(
  db: DbClient,
  input: CreateShippingZoneInput,
): Promise<ShippingZoneView> {
  return inTransaction(db, async (tx) => {
    await refuseTakenRegions(tx, input.regions, null);
    const position =
      input.position ??
      ((await tx.shippingZone.aggregate({ _max: { position: true } }))._max.position ?? -1) + 1;
    const zone = await regionRaceIsRetried(() =>
      tx.shippingZone.create({
        data: {
          name: input.name,
          position,
          active: input.active,
          regions: { createMany: { data: input.regions.map(({ country, state }) => ({ country, state })) } },
        },
        select: { id: true },
      }),
    );
    for (const [index, method] of input.methods.entries()) {
      await createShippingMethodIn(tx, zone.id, { ...method, position: method.position ?? index });
    }
    return getShippingZone(tx, zone.id);
  });
}

/** Changes a zone; `regions`, when given, replaces its list (regions kept are not rewritten). */
export async function updateShippingZone(
  db: DbClient,
  id: string,
  patch: ShippingZonePatch,
): Promise<{ before: ShippingZoneView; after: ShippingZoneView }> {
  return inTransaction(db, async (tx) => {
    const before = await getShippingZone(tx, id);
    const { regions, ...fields } = patch;
    if (Object.values(fields).some((value) => value !== undefined))
      await tx.shippingZone.update({ where: { id }, data: fields });
    if (regions) {
      const wanted = new Set(regions.map(regionKey));
      const had = new Set(before.regions.map(regionKey));
      const added = regions.filter((region) => !had.has(regionKey(region)));
      const dropped = before.regions.filter((region) => !wanted.has(regionKey(region)));
      await refuseTakenRegions(tx, added, id);
      if (dropped.length > 0)
        await tx.shippingZoneRegion.deleteMany({
          where: { zoneId: id, OR: dropped.map(({ country, state }) => ({ country, state })) },
        });
      if (added.length > 0)
        await regionRaceIsRetried(() =>
          tx.shippingZoneRegion.createMany({
            data: added.map(({ country, state }) => ({ zoneId: id, country, state })),
          }),
        );
      // Only the regions changed: the zone still moved (its updatedAt says when).
      if (Object.values(fields).every((value) => value === undefined) && (added.length || dropped.length))
        await tx.shippingZone.update({ where: { id }, data: { updatedAt: new Date() } });
    }
    return { before, after: await getShippingZone(tx, id) };
  });
}

/** Deletes a zone with its regions and methods; orders keep the method's name (their link is cleared). */
export async function deleteShippingZone(db: DbClient, id: string): Promise<ShippingZoneView> {
  return inTransaction(db, async (tx) => {
    const zone = await getShippingZone(tx, id);
    await tx.shippingZone.delete({ where: { id } });
    return zone;
  });
}

// ---------- what checkout reads ----------

export interface ShippingAddressZone {
  id: string;
  name: string;
  /** The zone's active methods, in order, each with the pricing engine's rate. */
  methods: ShippingOption[];
}

/**
 * The zone that serves an address, with its active methods, or null when no active zone does. Two
 * indexed reads: the (at most three) regions that could match, by the (country, state) key, then the
 * chosen zone's methods. A state's zone beats its country's, which beats the rest of the world's.
 */
export async function zoneForAddress(
  db: DbClient,
  address: { country: string; state?: string | null | undefined },
): Promise<ShippingAddressZone | null> {
  const country = address.country.trim().toUpperCase();
  const state = (address.state ?? "").trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return null;
  const candidates = await db.$queryRaw<{ zoneId: string; name: string; country: string; state: string }[]>`
    SELECT r."zoneId", z.name, rtrim(r.country) AS country, r.state
    FROM shipping_zone_region r JOIN shipping_zone z ON z.id = r."zoneId" AND z.active
    WHERE (r.country = ${country}::char(2) AND r.state IN (${state}, ''))
       OR (r.country = ${REST_OF_WORLD}::char(2) AND r.state = '')`;
  const rank = (region: { country: string; state: string }) =>
    region.country === REST_OF_WORLD ? 2 : region.state === "" ? 1 : 0;
  const best = candidates.sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return null;
  const methods = await db.shippingMethod.findMany({
    where: { zoneId: best.zoneId, active: true },
    select: shippingMethodSelect,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return { id: best.zoneId, name: best.name, methods: methods.map(toShippingOption) };
}
