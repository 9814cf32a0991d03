import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import { demoCategories } from "./catalog-data.ts";
import { demoAccounts } from "./demo-accounts.ts";
import { seedCheckout } from "./demo-checkout.ts";
import { seedOrders } from "./demo-orders.ts";
import { seedProducts } from "./demo-products.ts";

export interface SeedSummary {
  categoriesCreated: number;
  productsCreated: number;
  usersCreated: number;
  ordersCreated: number;
}

/** Creates the demo shop. Only adds what is missing, so running it again changes nothing. */
export async function seedDemo(db: Db, options: { password: string }): Promise<SeedSummary> {
  const categoriesCreated = (
    await db.category.createMany({
      data: demoCategories.map((category, position) => ({ ...category, position })),
      skipDuplicates: true,
    })
  ).count;
  const productsCreated = await seedProducts(db);
  const usersCreated = await seedAccounts(db, options.password);
  const ordersCreated = await seedOrders(db);
  await seedAddressBook(db);
  await seedCheckout(db);
  return { categoriesCreated, productsCreated, usersCreated, ordersCreated };
}

/**
 * The address of each demo order's shopper's latest order in their address book, as placing it would
 * have saved it (and migration 20261204200000_address_book does for orders already there). Skipped on a
 * database migrated only up to an earlier schema (migration tests seed one), where the table is absent.
 */
async function seedAddressBook(db: Db): Promise<void> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public.customer_address') IS NOT NULL AS exists`;
  if (!table?.exists) return;
  await db.$executeRaw`
    INSERT INTO customer_address ("userId", street, city, state, zip, country, "isDefault")
    SELECT DISTINCT ON (o."userId") o."userId", o."shipStreet", o."shipCity", o."shipState", o."shipZip",
      o."shipCountry", NOT EXISTS (SELECT 1 FROM customer_address a WHERE a."userId" = o."userId" AND a."isDefault")
    FROM "order" o JOIN "user" u ON u.id = o."userId"
    WHERE u.email = 'shopper@stockroom.dev'
    ORDER BY o."userId", o."createdAt" DESC
    ON CONFLICT DO NOTHING`;
}

/** True when the database holds no catalogue yet; `pnpm start` seeds only then. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.product.count()) === 0 && (await db.user.count()) === 0;
}

async function seedAccounts(db: Db, password: string): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    const found = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (found) continue;
    const id = randomUUID();
    await db.user.create({
      data: {
        id,
        email: account.email,
        name: account.name,
        role: account.role,
        emailVerified: true,
        accounts: {
          create: {
            id: randomUUID(),
            accountId: id,
            providerId: "credential",
            password: await hashPassword(password),
          },
        },
      },
    });
    created += 1;
  }
  return created;
}
