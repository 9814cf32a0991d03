import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct } from "../fixtures.ts";
import { PRODUCT_CSV_COLUMNS } from "../schemas/product-csv.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { parseCsv } from "./csv.ts";

const t = useTestContext();
let staff: SessionUser;

const HEADER = PRODUCT_CSV_COLUMNS.join(",");
const csv = (...rows: string[]) => `${HEADER}\r\n${rows.join("\r\n")}\r\n`;
const staffCaller = () => callerAs(t.services, staff);

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  const kitchen = await t.db.category.create({ data: { slug: "kitchen", name: "Kitchen" } });
  await t.db.category.create({ data: { slug: "garden", name: "Garden" } });
  await createTestProduct(t.db, {
    name: "Copper Kettle",
    slug: "copper-kettle",
    priceCents: 5900,
    stock: 4,
    categoryId: kitchen.id,
    description: 'Whistling, "loud"\nand shiny',
  });
  await createTestProduct(t.db, {
    name: "Archived Trowel",
    slug: "archived-trowel",
    priceCents: 1505,
    stock: 0,
    active: false,
  });
  await createTestProduct(t.db, { name: "Bamboo Spoon", slug: "bamboo-spoon", priceCents: 700, stock: 50 });
});

async function counts() {
  const [products, levels, movements, imports] = await Promise.all([
    t.db.product.count(),
    t.db.inventoryLevel.count(),
    t.db.stockMovement.count(),
    t.db.auditLog.count({ where: { action: "product.import" } }),
  ]);
  return { products, levels, movements, imports };
}

describe("productCsv.export", () => {
  it("writes every product, archived ones too, by name, with the import's columns", async () => {
    const { csv: text } = await staffCaller().productCsv.export();
    const records = parseCsv(text).map((record) => record.fields);
    expect(records).toEqual([
      [...PRODUCT_CSV_COLUMNS],
      ["archived-trowel", "Archived Trowel", "", "15.05", "USD", "", "0", "5", "false"],
      ["bamboo-spoon", "Bamboo Spoon", "", "7.00", "USD", "", "50", "5", "true"],
      [
        "copper-kettle",
        "Copper Kettle",
        'Whistling, "loud"\nand shiny',
        "59.00",
        "USD",
        "kitchen",
        "4",
        "5",
        "true",
      ],
    ]);
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
  });

  it("round-trips through import as updates that change nothing", async () => {
    const { csv: text } = await staffCaller().productCsv.export();
    const before = await counts();
    const stamps = await t.db.product.findMany({
      select: { slug: true, updatedAt: true },
      orderBy: { slug: "asc" },
    });

    const preview = await staffCaller().productCsv.preview({ csv: text });
    expect(preview).toMatchObject({ valid: true, creates: 0, updates: 3 });
    expect(preview.rows.map((row) => [row.line, row.slug, row.action, row.errors])).toEqual([
      [2, "archived-trowel", "update", []],
      [3, "bamboo-spoon", "update", []],
      // The kettle's description spans two lines.
      [4, "copper-kettle", "update", []],
    ]);
    expect(await staffCaller().productCsv.import({ csv: text })).toEqual({ created: 0, updated: 3 });

    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
    expect(
      await t.db.product.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    ).toEqual(stamps);
    expect((await staffCaller().productCsv.export()).csv).toBe(text);
  });
});

describe("productCsv.preview and import", () => {
  const badFile = csv(
    "linen-apron,Linen Apron,Stonewashed,32.00,USD,kitchen,12,3,true",
    "bamboo-spoon,Bamboo Spoon,Now in oak too,8.50,usd,garden,45,5,true",
    "broken,Broken Thing,,twelve,US,nowhere,-1,,maybe",
    ",Enamel Mug — Large,,18.00,,,0,,",
  );

  it("previews every row, naming each error with its line, and the import writes nothing", async () => {
    const preview = await staffCaller().productCsv.preview({ csv: badFile });
    expect(preview).toMatchObject({ valid: false, creates: 3, updates: 1 });
    expect(preview.rows).toEqual([
      { line: 2, slug: "linen-apron", name: "Linen Apron", action: "create", errors: [] },
      { line: 3, slug: "bamboo-spoon", name: "Bamboo Spoon", action: "update", errors: [] },
      {
        line: 4,
        slug: "broken",
        name: "Broken Thing",
        action: "create",
        errors: [
          "price: Use a number of 0 or more with at most two decimals, such as 12.50",
          "currency: Use a three-letter currency code such as USD",
          "stock: Use a whole number of 0 or more",
          "active: Use true or false",
        ],
      },
      { line: 5, slug: "enamel-mug-large", name: "Enamel Mug — Large", action: "create", errors: [] },
    ]);

    const before = await counts();
    await expect(staffCaller().productCsv.import({ csv: badFile })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "1 row has errors; nothing was imported",
      cause: { details: { rows: [expect.objectContaining({ line: 4, slug: "broken" })] } },
    });
    expect(await counts()).toEqual(before);
    expect(await t.db.product.findUnique({ where: { slug: "linen-apron" } })).toBeNull();
    expect(await t.db.product.findUnique({ where: { slug: "bamboo-spoon" } })).toMatchObject({
      priceCents: 700,
    });
  });

  it("after the row is fixed, imports exactly what the preview showed, with ledger rows and one audit row", async () => {
    const fixed = badFile.replace(
      "broken,Broken Thing,,twelve,US,nowhere,-1,,maybe",
      "broken,Mended Thing,,12,EUR,,2,,false",
    );
    const preview = await staffCaller().productCsv.preview({ csv: fixed });
    expect(preview).toMatchObject({ valid: true, creates: 3, updates: 1 });
    const before = await counts();
    const auditBefore = new Date();

    expect(await staffCaller().productCsv.import({ csv: fixed })).toEqual({
      created: preview.creates,
      updated: preview.updates,
    });

    const after = await counts();
    expect(after.products).toBe(before.products + 3);
    expect(after.levels).toBe(before.levels + 3);
    // Opening stock for the apron (12) and the mended thing (2), the spoon's 50 → 45 adjustment.
    expect(after.movements).toBe(before.movements + 3);

    const apron = await t.db.product.findUniqueOrThrow({
      where: { slug: "linen-apron" },
      include: { category: true, inventory: true, stockMovements: true },
    });
    expect(apron).toMatchObject({
      name: "Linen Apron",
      description: "Stonewashed",
      priceCents: 3200,
      lowStockThreshold: 3,
      active: true,
      category: { slug: "kitchen" },
      inventory: { onHand: 12 },
      stockMovements: [
        { delta: 12, reason: "restock", note: "Opening stock", quantityAfter: 12, actorId: staff.id },
      ],
    });
    expect(
      await t.db.product.findUniqueOrThrow({ where: { slug: "broken" }, include: { inventory: true } }),
    ).toMatchObject({
      name: "Mended Thing",
      priceCents: 1200,
      currency: "EUR",
      active: false,
      inventory: { onHand: 2 },
    });
    expect(
      await t.db.product.findUniqueOrThrow({
        where: { slug: "enamel-mug-large" },
        include: { stockMovements: true },
      }),
    ).toMatchObject({ priceCents: 1800, stockMovements: [] });

    const spoon = await t.db.product.findUniqueOrThrow({
      where: { slug: "bamboo-spoon" },
      include: { category: true, inventory: true },
    });
    expect(spoon).toMatchObject({
      description: "Now in oak too",
      priceCents: 850,
      category: { slug: "garden" },
      inventory: { onHand: 45, version: 1 },
    });
    expect(
      await t.db.stockMovement.findMany({ where: { productId: spoon.id, reason: "adjustment" } }),
    ).toMatchObject([{ delta: -5, quantityAfter: 45, note: "CSV import", actorId: staff.id }]);

    const audit = await t.db.auditLog.findMany({
      where: { action: "product.import", createdAt: { gte: auditBefore } },
    });
    expect(audit).toMatchObject([
      { actorId: staff.id, entity: "product", entityId: null, after: { created: 3, updated: 1 } },
    ]);
  });

  it("takes the stock delta from the level when the import runs, not when it was previewed", async () => {
    const kettle = await t.db.product.findUniqueOrThrow({ where: { slug: "copper-kettle" } });
    const file = csv("copper-kettle,Copper Kettle,Whistling,59.00,USD,kitchen,10,5,true");
    await staffCaller().productCsv.preview({ csv: file });
    // A sale lands between the preview and the import.
    await staffCaller().inventory.adjust({ productId: kettle.id, delta: -1, reason: "adjustment" });
    await staffCaller().productCsv.import({ csv: file });
    const [latest] = await t.db.stockMovement.findMany({
      where: { productId: kettle.id },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(latest).toMatchObject({ delta: 7, quantityAfter: 10, note: "CSV import" });
  });

  it("gives a product without a stock level one when the file sets its stock", async () => {
    const bare = await t.db.product.create({
      data: { slug: "bare-shelf", name: "Bare Shelf", priceCents: 900 },
    });
    await staffCaller().productCsv.import({ csv: csv("bare-shelf,Bare Shelf,,9.00,USD,,3,5,true") });
    expect(await t.db.inventoryLevel.findUnique({ where: { productId: bare.id } })).toMatchObject({
      onHand: 3,
    });
    expect(await t.db.stockMovement.findMany({ where: { productId: bare.id } })).toMatchObject([
      { delta: 3, reason: "adjustment", quantityAfter: 3, note: "CSV import" },
    ]);
  });

  it("flags duplicate slugs, unknown categories, wrong field counts and a name-made slug that is taken", async () => {
    const preview = await staffCaller().productCsv.preview({
      csv: csv(
        "dup,One,,1,USD,,0,5,true",
        "dup,Two,,1,USD,,0,5,true",
        "lonely,Lonely,,1,USD,hardware,0,5,true",
        "short,Short,,1",
        ",Copper Kettle,,1,USD,,0,5,true",
        "Bad Slug!,Bad,,1,USD,,0,5,true",
      ),
    });
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((row) => [row.line, row.slug, row.action, row.errors])).toEqual([
      [2, "dup", "create", ["slug: dup is also on line 3"]],
      [3, "dup", "create", ["slug: dup is also on line 2"]],
      [4, "lonely", "create", ["category: there is no category hardware"]],
      [5, "short", "create", ["Expected 9 fields, found 4"]],
      [
        6,
        "copper-kettle",
        "update",
        [
          "slug: empty, and the slug made from the name (copper-kettle) belongs to an existing product; enter it to update that product, or enter a new slug",
        ],
      ],
      [7, "Bad Slug!", "create", ["slug: Use lowercase letters, digits and single hyphens"]],
    ]);
  });

  it.each([
    [
      "an empty file",
      "",
      "The file is empty; its first line must be the header slug,name,description,price,currency,category,stock,lowStockThreshold,active",
    ],
    [
      "a wrong header",
      "slug,name,price\r\nx,X,1\r\n",
      `The first line must be the header ${HEADER} (found slug,name,price)`,
    ],
    ["a header with no rows", `${HEADER}\r\n`, "The file has no product rows below the header"],
    ["an unclosed quote", csv('x,"X,,1,USD,,0,5,true'), "Line 2: A quoted field is never closed"],
  ])("refuses %s with a clear message", async (_case, text, message) => {
    await expect(staffCaller().productCsv.preview({ csv: text })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message,
    });
    await expect(staffCaller().productCsv.import({ csv: text })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message,
    });
  });

  it("refuses more than 5,000 rows and more than 1 MB", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `p-${i},P ${i},,1,USD,,0,5,true`);
    await expect(staffCaller().productCsv.preview({ csv: csv(...rows) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The file has 5,001 rows; import at most 5,000 at a time",
    });
    // 600,000 two-byte characters: under the input's character limit, over the service's byte limit.
    const big = csv(`big,Big,${"é".repeat(600_000)},1,USD,,0,5,true`);
    await expect(staffCaller().productCsv.preview({ csv: big })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The file is larger than 1 MB; split it and import the parts one by one",
    });
  });

  it("imports 5,000 new products in one go", async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `bulk-${i},"Bulk, item ${i}",Row ${i},${i}.99,USD,garden,${i % 3},5,true`,
    );
    const before = await counts();
    expect(await staffCaller().productCsv.import({ csv: csv(...rows) })).toEqual({
      created: 5000,
      updated: 0,
    });
    const after = await counts();
    expect(after.products - before.products).toBe(5000);
    expect(after.movements - before.movements).toBe(
      Array.from({ length: 5000 }, (_, i) => i % 3).filter(Boolean).length,
    );
    expect(
      await t.db.product.findUniqueOrThrow({ where: { slug: "bulk-4321" }, include: { inventory: true } }),
    ).toMatchObject({
      name: "Bulk, item 4321",
      priceCents: 432199,
      inventory: { onHand: 1 },
    });
    // And the same file again is 5,000 updates that change nothing.
    expect(await staffCaller().productCsv.import({ csv: csv(...rows) })).toEqual({
      created: 0,
      updated: 5000,
    });
    expect((await counts()).movements).toBe(after.movements);
  });
});
