import type { DbClient } from "../db-client.ts";
import type { UpdateShopSettingsInput } from "../schemas/checkout-settings.ts";

// The shop's one settings row (id 1; the checkout migration inserts it and a CHECK keeps it alone).

export interface ShopSettingsView {
  taxInclusive: boolean;
  updatedAt: Date;
}

const SETTINGS_ID = 1;
const select = { taxInclusive: true, updatedAt: true } as const;

export async function getShopSettings(db: DbClient): Promise<ShopSettingsView> {
  const found = await db.shopSettings.findUnique({ where: { id: SETTINGS_ID }, select });
  // The row is inserted by the migration; a database whose row was removed reads the defaults.
  return found ?? { taxInclusive: false, updatedAt: new Date(0) };
}

export async function updateShopSettings(
  db: DbClient,
  input: UpdateShopSettingsInput,
): Promise<{ before: ShopSettingsView; after: ShopSettingsView }> {
  const before = await getShopSettings(db);
  const after = await db.shopSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID, ...input },
    update: input,
    select,
  });
  return { before, after };
}
