import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./migrate.ts";
import {
  compareSchemaToDatabase,
  type DatabaseShape,
  readDatabaseShape,
  readSchemaFile,
} from "./schema-drift.ts";
import { createEmptyDatabase, databaseUrl, dropDatabase } from "./testing.ts";

let name: string;
let shape: DatabaseShape;
let schema: string;

beforeAll(async () => {
  name = await createEmptyDatabase();
  await migrate(databaseUrl(name));
  shape = await readDatabaseShape(databaseUrl(name));
  schema = await readSchemaFile();
});
afterAll(() => dropDatabase(name));

describe("schema.prisma and the SQL migrations", () => {
  it("agree: the migrated database has exactly the tables, columns, enums, indexes and keys the schema declares", () => {
    expect(compareSchemaToDatabase(schema, shape)).toEqual([]);
  });

  // The checks below prove the comparison can fail: each edits the schema without a migration.
  it("catches a field added to the schema without a migration", () => {
    const edited = schema.replace(
      "  lowStockThreshold Int      @default(5)",
      "  lowStockThreshold Int      @default(5)\n  weightGrams Int?",
    );
    expect(compareSchemaToDatabase(edited, shape)).toContain(
      "column product.weightGrams is missing in the database",
    );
  });

  it("catches a field removed from the schema but still in the database", () => {
    const edited = schema.replace(/\n\s+trackingNumber\s+String\?/, "");
    expect(compareSchemaToDatabase(edited, shape)).toContain(
      "column order.trackingNumber exists in the database but not in the schema",
    );
  });

  it("catches a changed type, nullability, enum value and index", () => {
    const edited = schema
      .replace("  priceCents        Int\n", "  priceCents        BigInt\n")
      .replace("  shipStreet      String\n", "  shipStreet      String?\n")
      .replace("  delivered\n", "  delivered\n  refunded\n")
      .replace('  @@map("inventory_level")', '  @@index([onHand, updatedAt])\n  @@map("inventory_level")');
    const problems = compareSchemaToDatabase(edited, shape);
    expect(problems).toContain("column product.priceCents is int4 but the schema declares int8");
    expect(problems).toContain("column order.shipStreet is NOT NULL but the schema says optional");
    expect(problems.some((p) => p.startsWith("enum OrderStatus has values"))).toBe(true);
    expect(problems).toContain("index on inventory_level(onHand,updatedAt) is missing in the database");
  });

  it("catches a partial index declared as a full one", () => {
    const edited = schema.replace(
      /@@unique\(\[userId, isDefault\], map: "customer_address_one_default_per_user", where: [^\n]*\)/,
      '@@unique([userId, isDefault], map: "customer_address_one_default_per_user")',
    );
    expect(edited).not.toEqual(schema);
    expect(compareSchemaToDatabase(edited, shape)).toContain(
      "index on customer_address(userId,isDefault) is partial in the database, unlike the schema",
    );
  });

  it("tells a partial index from the primary key on the same column", () => {
    const edited = schema.replace(
      '@@index([lowStockOnHand, variantId], map: "inventory_level_low_stock_idx"',
      '@@index([variantId], map: "inventory_level_low_stock_idx"',
    );
    expect(edited).not.toEqual(schema);
    expect(compareSchemaToDatabase(edited, shape)).toEqual([
      "index on inventory_level(variantId) is missing in the database",
      "index on inventory_level(lowStockOnHand,variantId) exists in the database but not in the schema",
    ]);
  });

  it("catches a model added without a migration", () => {
    const edited = `${schema}\nmodel Coupon {\n  id String @id\n  @@map("coupon")\n}\n`;
    expect(compareSchemaToDatabase(edited, shape)).toContain(
      "table coupon (model Coupon) is missing in the database",
    );
  });
});
