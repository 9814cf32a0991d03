import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct } from "../fixtures.ts";
import { PRODUCT_CSV_COLUMNS, type ProductCsvColumn } from "../schemas/product-csv.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";
import { parseCsv, serializeCsv } from "./csv.ts";

const t = useTestContext();
let staff: SessionUser;

const HEADER = PRODUCT_CSV_COLUMNS.join(",");
type Cells = Partial<Record<ProductCsvColumn, string>>;
/** A file of these rows (empty cells where a row names none). */
const csv = (...rows: Cells[]) =>
  serializeCsv([
    PRODUCT_CSV_COLUMNS,
    ...rows.map((row) => PRODUCT_CSV_COLUMNS.map((name) => row[name] ?? "")),
  ]);
const staffCaller = () => callerAs(t.services, staff);

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  const kitchen = await t.db.category.create({ data: { slug: "kitchen", name: "Kitchen" } });
  await t.db.category.create({ data: { slug: "garden", name: "Garden" } });
  await t.db.category.create({ data: { slug: "apparel", name: "Apparel" } });
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
  await staffCaller().product.create({
    name: "Field Cap",
    slug: "field-cap",
    description: "Waxed cotton",
    currency: "USD",
    lowStockThreshold: 2,
    options: [{ name: "Colour", values: ["Olive", "Navy"] }],
    variants: [
      {
        options: { Colour: "Olive" },
        priceCents: 2400,
        compareAtPriceCents: 3000,
        sku: "CAP-OLIVE",
        stock: 6,
      },
      {
        options: { Colour: "Navy" },
        priceCents: 2600,
        sku: "CAP-NAVY",
        barcode: "0123456789012",
        weightGrams: 90,
        active: false,
      },
    ],
  });
});

async function counts() {
  const [products, variants, levels, movements, imports] = await Promise.all([
    t.db.product.count(),
    t.db.productVariant.count(),
    t.db.inventoryLevel.count(),
    t.db.stockMovement.count(),
    t.db.auditLog.count({ where: { action: "product.import" } }),
  ]);
  return { products, variants, levels, movements, imports };
}

const stamps = async () => ({
  products: await t.db.product.findMany({
    select: { slug: true, updatedAt: true },
    orderBy: { slug: "asc" },
  }),
  variants: await t.db.productVariant.findMany({
    select: { sku: true, updatedAt: true },
    orderBy: { sku: "asc" },
  }),
});

describe("productCsv.export", () => {
  it("writes every product, archived ones too, by name, one row per variant in position order", async () => {
    const { csv: text } = await staffCaller().productCsv.export();
    const records = parseCsv(text).map((record) => record.fields);
    const none = ["", "", "", "", "", ""];
    expect(records).toEqual([
      [...PRODUCT_CSV_COLUMNS],
      [
        "archived-trowel",
        "Archived Trowel",
        "",
        "",
        "USD",
        "5",
        "false",
        ...none,
        "ARCHIVED-TROWEL",
        "15.05",
        "",
        "",
        "",
        "0",
        "true",
      ],
      [
        "bamboo-spoon",
        "Bamboo Spoon",
        "",
        "",
        "USD",
        "5",
        "true",
        ...none,
        "BAMBOO-SPOON",
        "7.00",
        "",
        "",
        "",
        "50",
        "true",
      ],
      [
        "copper-kettle",
        "Copper Kettle",
        'Whistling, "loud"\nand shiny',
        "kitchen",
        "USD",
        "5",
        "true",
        ...none,
        "COPPER-KETTLE",
        "59.00",
        "",
        "",
        "",
        "4",
        "true",
      ],
      // The product's fields and option names on its first row only, as Shopify writes them.
      [
        "field-cap",
        "Field Cap",
        "Waxed cotton",
        "",
        "USD",
        "2",
        "true",
        "Colour",
        "Olive",
        "",
        "",
        "",
        "",
        "CAP-OLIVE",
        "24.00",
        "30.00",
        "",
        "",
        "6",
        "true",
      ],
      [
        "field-cap",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Navy",
        "",
        "",
        "",
        "",
        "CAP-NAVY",
        "26.00",
        "",
        "0123456789012",
        "90",
        "0",
        "false",
      ],
    ]);
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
  });

  it("round-trips with variants through import as rows that change nothing", async () => {
    const { csv: text } = await staffCaller().productCsv.export();
    const before = await counts();
    const stampsBefore = await stamps();

    const preview = await staffCaller().productCsv.preview({ csv: text });
    expect(preview).toMatchObject({
      valid: true,
      products: 0,
      creates: 0,
      adds: 0,
      updates: 0,
      unchanged: 5,
    });
    expect(
      preview.rows.map((row) => [row.line, row.handle, row.sku, row.title, row.action, row.errors]),
    ).toEqual([
      [2, "archived-trowel", "ARCHIVED-TROWEL", "Default", "unchanged", []],
      [3, "bamboo-spoon", "BAMBOO-SPOON", "Default", "unchanged", []],
      // The kettle's description spans two lines.
      [4, "copper-kettle", "COPPER-KETTLE", "Default", "unchanged", []],
      [6, "field-cap", "CAP-OLIVE", "Olive", "unchanged", []],
      [7, "field-cap", "CAP-NAVY", "Navy", "unchanged", []],
    ]);
    expect(await staffCaller().productCsv.import({ csv: text })).toMatchObject({ updates: 0, unchanged: 5 });

    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
    expect(await stamps()).toEqual(stampsBefore);
    expect((await staffCaller().productCsv.export()).csv).toBe(text);
  });
});

const tee = (size: string, colour: string, stock: string, extra: Cells = {}): Cells => ({
  handle: "organic-tee",
  "option1 value": size,
  "option2 value": colour,
  price: "25.00",
  stock,
  ...extra,
});
const teeFile = csv(
  tee("S", "White", "5", {
    title: "Organic Tee",
    description: "Heavy cotton",
    category: "apparel",
    "low stock threshold": "3",
    "option1 name": "Size",
    "option2 name": "Colour",
    SKU: "TEE-S-WHT",
  }),
  tee("S", "Black", "0", { SKU: "TEE-S-BLK" }),
  tee("M", "White", "8", { title: "Organic Tee", "option1 name": "Size" }),
  tee("M", "Black", "2"),
  tee("L", "White", "1", { price: "27.00", "compare-at price": "30.00", "weight grams": "210" }),
  tee("L", "Black", "0", { price: "27.00", barcode: "4006381333931", "variant active": "false" }),
);

describe("importing a product in variants", () => {
  it("creates a tee in 3 sizes × 2 colours: 1 product, 6 variants, stock levels and ledger rows", async () => {
    const preview = await staffCaller().productCsv.preview({ csv: teeFile });
    expect(preview).toMatchObject({ valid: true, products: 1, creates: 6, adds: 0, updates: 0 });
    expect(preview.rows.map((row) => [row.line, row.sku, row.title, row.name, row.action])).toEqual([
      [2, "TEE-S-WHT", "S / White", "Organic Tee", "create product"],
      [3, "TEE-S-BLK", "S / Black", "Organic Tee", "create product"],
      // An empty SKU is made from the handle and the values, as the admin makes it.
      [4, "ORGANIC-TEE-M-WHITE", "M / White", "Organic Tee", "create product"],
      [5, "ORGANIC-TEE-M-BLACK", "M / Black", "Organic Tee", "create product"],
      [6, "ORGANIC-TEE-L-WHITE", "L / White", "Organic Tee", "create product"],
      [7, "ORGANIC-TEE-L-BLACK", "L / Black", "Organic Tee", "create product"],
    ]);
    const before = await counts();
    expect(await staffCaller().productCsv.import({ csv: teeFile })).toMatchObject({
      products: 1,
      creates: 6,
    });
    const after = await counts();
    expect(after).toMatchObject({
      products: before.products + 1,
      variants: before.variants + 6,
      levels: before.levels + 6,
      // Opening stock for the four stocked variants.
      movements: before.movements + 4,
    });

    const product = await staffCaller().product.bySlug({ slug: "organic-tee" });
    expect(product).toMatchObject({
      name: "Organic Tee",
      description: "Heavy cotton",
      category: { slug: "apparel" },
      lowStockThreshold: 3,
      priceCents: 2500,
      // The inactive L / Black is out of the price range.
      maxPriceCents: 2700,
      options: [
        { name: "Size", values: ["S", "M", "L"] },
        { name: "Colour", values: ["White", "Black"] },
      ],
    });
    expect(
      product.variants.map((v) => [
        v.position,
        v.sku,
        v.title,
        v.priceCents,
        v.compareAtPriceCents,
        v.barcode,
        v.weightGrams,
        v.active,
        v.stock,
      ]),
    ).toEqual([
      [0, "TEE-S-WHT", "S / White", 2500, null, null, null, true, 5],
      [1, "TEE-S-BLK", "S / Black", 2500, null, null, null, true, 0],
      [2, "ORGANIC-TEE-M-WHITE", "M / White", 2500, null, null, null, true, 8],
      [3, "ORGANIC-TEE-M-BLACK", "M / Black", 2500, null, null, null, true, 2],
      [4, "ORGANIC-TEE-L-WHITE", "L / White", 2700, 3000, null, 210, true, 1],
      [5, "ORGANIC-TEE-L-BLACK", "L / Black", 2700, null, "4006381333931", null, false, 0],
    ]);
    const ledger = await t.db.stockMovement.findMany({
      where: { productId: product.id },
      select: { variant: { select: { sku: true } }, delta: true, reason: true, note: true, actorId: true },
      orderBy: { variant: { position: "asc" } },
    });
    expect(ledger).toEqual(
      [
        ["TEE-S-WHT", 5],
        ["ORGANIC-TEE-M-WHITE", 8],
        ["ORGANIC-TEE-M-BLACK", 2],
        ["ORGANIC-TEE-L-WHITE", 1],
      ].map(([sku, delta]) => ({
        variant: { sku },
        delta,
        reason: "restock",
        note: "Opening stock",
        actorId: staff.id,
      })),
    );
  });

  it("updates one variant's price and stock by its SKU and leaves the others alone", async () => {
    const product = await staffCaller().product.bySlug({ slug: "organic-tee" });
    const stampsBefore = await stamps();
    const file = csv(
      tee("M", "Black", "9", {
        title: "Organic Tee",
        description: "Heavy cotton",
        category: "apparel",
        "low stock threshold": "3",
        "option1 name": "Size",
        "option2 name": "Colour",
        SKU: "ORGANIC-TEE-M-BLACK",
        price: "19.50",
      }),
    );
    const preview = await staffCaller().productCsv.preview({ csv: file });
    expect(preview.rows).toEqual([
      {
        line: 2,
        handle: "organic-tee",
        sku: "ORGANIC-TEE-M-BLACK",
        title: "M / Black",
        name: "Organic Tee",
        action: "update",
        errors: [],
      },
    ]);
    expect(await staffCaller().productCsv.import({ csv: file })).toMatchObject({
      updates: 1,
      creates: 0,
      adds: 0,
    });

    const after = await staffCaller().product.bySlug({ slug: "organic-tee" });
    expect(after.priceCents).toBe(1950);
    const changed = after.variants.find((variant) => variant.sku === "ORGANIC-TEE-M-BLACK")!;
    expect(changed).toMatchObject({ priceCents: 1950, stock: 9 });
    expect(after.variants.filter((variant) => variant !== changed)).toEqual(
      product.variants.filter((variant) => variant.sku !== "ORGANIC-TEE-M-BLACK"),
    );
    expect(
      await t.db.stockMovement.findMany({ where: { variantId: changed.id, reason: "adjustment" } }),
    ).toMatchObject([{ delta: 7, quantityAfter: 9, note: "CSV import", actorId: staff.id }]);
    // Only the changed variant's updatedAt moved; the product's fields were the same.
    const stampsAfter = await stamps();
    expect(stampsAfter.products).toEqual(stampsBefore.products);
    expect(stampsAfter.variants.filter((v) => v.sku !== changed.sku)).toEqual(
      stampsBefore.variants.filter((v) => v.sku !== changed.sku),
    );
  });

  it("adds a new size row to an existing product, with its value after the option's others", async () => {
    const first = {
      title: "Organic Tee",
      description: "Heavy cotton",
      category: "apparel",
      "low stock threshold": "3",
      "option1 name": "Size",
      "option2 name": "Colour",
    };
    // Matched by combination (no SKU): the existing S / White, unchanged, then a new XL.
    const file = csv(tee("S", "White", "5", first), tee("XL", "White", "4", { price: "29.00" }));
    const preview = await staffCaller().productCsv.preview({ csv: file });
    expect(preview.rows.map((row) => [row.sku, row.title, row.action, row.errors])).toEqual([
      ["TEE-S-WHT", "S / White", "unchanged", []],
      ["ORGANIC-TEE-XL-WHITE", "XL / White", "add variant", []],
    ]);
    expect(await staffCaller().productCsv.import({ csv: file })).toMatchObject({ adds: 1, unchanged: 1 });
    const product = await staffCaller().product.bySlug({ slug: "organic-tee" });
    expect(product.options).toEqual([
      { name: "Size", values: ["S", "M", "L", "XL"] },
      { name: "Colour", values: ["White", "Black"] },
    ]);
    expect(product.variants).toHaveLength(7);
    expect(product.variants.at(-1)).toMatchObject({
      sku: "ORGANIC-TEE-XL-WHITE",
      title: "XL / White",
      position: 6,
      priceCents: 2900,
      stock: 4,
    });
    expect(
      await t.db.stockMovement.findMany({ where: { variantId: product.variants.at(-1)!.id } }),
    ).toMatchObject([{ delta: 4, reason: "restock", note: "Opening stock" }]);
  });

  it("refuses the rules of a product as a whole, naming each row, and writes nothing", async () => {
    const file = csv(
      {
        handle: "rain-jacket",
        title: "Rain Jacket",
        "option1 name": "Size",
        "option1 value": "S",
        price: "80.00",
        stock: "1",
      },
      // A twin combination.
      { handle: "rain-jacket", "option1 value": "S", price: "80.00", stock: "2" },
      // A conflicting product field on a later row.
      {
        handle: "rain-jacket",
        title: "Rain Coat",
        currency: "EUR",
        "option1 value": "M",
        price: "80.00",
        stock: "1",
      },
      // A value missing for a named option, and a value for an option nobody named.
      { handle: "rain-jacket", "option2 value": "Red", price: "80.00", stock: "1" },
      // Another product's SKU.
      { handle: "rain-jacket", "option1 value": "L", SKU: "CAP-NAVY", price: "80.00", stock: "1" },
      // The same SKU on two rows of the file.
      { handle: "rain-jacket", "option1 value": "XL", SKU: "RJ-XL", price: "80.00", stock: "1" },
      { handle: "umbrella", title: "Umbrella", SKU: "RJ-XL", price: "20.00", stock: "1" },
      // A product without options has one row.
      { handle: "umbrella", price: "20.00", stock: "1" },
      // An existing product's options named otherwise.
      {
        handle: "field-cap",
        title: "Field Cap",
        "option1 name": "Color",
        "option1 value": "Olive",
        SKU: "CAP-OLIVE",
        price: "24.00",
        stock: "6",
      },
      // A handle whose rows are apart.
      { handle: "rain-jacket", "option1 value": "XXL", price: "80.00", stock: "1" },
    );
    const preview = await staffCaller().productCsv.preview({ csv: file });
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((row) => [row.line, row.errors])).toEqual([
      [2, []],
      [3, ["option values: S is also on line 2; each variant is one combination"]],
      [
        4,
        [
          'title: "Rain Coat" differs from line 2 ("Rain Jacket"); leave it empty or repeat it',
          'currency: "EUR" differs from line 2 ("USD"); leave it empty or repeat it',
        ],
      ],
      [
        5,
        [
          "option1 value: Enter this variant's Size",
          "option2 value: line 2 names no option2; name it there first",
        ],
      ],
      [6, ["SKU: CAP-NAVY belongs to product field-cap"]],
      [7, ["SKU: RJ-XL is also on line 8"]],
      [8, ["SKU: RJ-XL is also on line 7"]],
      [
        9,
        ["option1 value: a product without options has one row (line 8); name its options to list variants"],
      ],
      [
        10,
        [
          "option1 name: field-cap's options are Colour, in that order; name them so (change options on its product page)",
        ],
      ],
      [11, ["handle: rain-jacket is also on lines 2–7; keep a product's rows together"]],
    ]);

    const before = await counts();
    await expect(staffCaller().productCsv.import({ csv: file })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "9 rows have errors; nothing was imported",
    });
    expect(await counts()).toEqual(before);
    expect(await t.db.product.findMany({ where: { slug: { in: ["rain-jacket", "umbrella"] } } })).toEqual([]);
  });

  it("refuses an empty SKU whose made SKU another product holds, asking for one", async () => {
    const file = csv({
      handle: "cap",
      title: "Cap",
      "option1 name": "Colour",
      "option1 value": "Olive",
      price: "10.00",
      stock: "1",
    });
    const preview = await staffCaller().productCsv.preview({ csv: file });
    expect(preview.rows[0]!.errors).toEqual([
      "SKU: empty, and the SKU made from the handle and values (CAP-OLIVE) belongs to product field-cap; enter a SKU",
    ]);
    const typed = await staffCaller().productCsv.preview({
      csv: file.replace(",Olive,,,,,,", ",Olive,,,,,CAP-OLIVE-2,"),
    });
    expect(typed).toMatchObject({ valid: true, rows: [{ sku: "CAP-OLIVE-2", action: "create product" }] });
  });

  it("refuses a new SKU for a combination an existing product has", async () => {
    const file = csv({
      handle: "field-cap",
      title: "Field Cap",
      description: "Waxed cotton",
      "low stock threshold": "2",
      "option1 name": "Colour",
      "option1 value": "Olive",
      SKU: "NEW-OLIVE",
      price: "24.00",
      stock: "6",
    });
    const preview = await staffCaller().productCsv.preview({ csv: file });
    expect(preview.rows[0]!.errors).toEqual([
      "option values: field-cap already has a Olive variant (SKU CAP-OLIVE); use its SKU to update it",
    ]);
  });
});

describe("productCsv.preview and import", () => {
  const simple = (handle: string, title: string, extra: Cells = {}): Cells => ({
    handle,
    title,
    price: "1.00",
    stock: "0",
    ...extra,
  });
  const broken = simple("broken", "Broken Thing", {
    currency: "US",
    price: "twelve",
    stock: "-1",
    active: "maybe",
  });
  const goodRows = [
    simple("linen-apron", "Linen Apron", {
      description: "Stonewashed",
      category: "kitchen",
      "low stock threshold": "3",
      price: "32.00",
      stock: "12",
    }),
    simple("bamboo-spoon", "Bamboo Spoon", {
      description: "Now in oak too",
      category: "garden",
      currency: "usd",
      price: "8.50",
      stock: "45",
    }),
    simple("", "Enamel Mug — Large", { price: "18.00" }),
  ];
  const fileWith = (row: Cells) => csv(goodRows[0]!, goodRows[1]!, row, goodRows[2]!);
  const badFile = fileWith(broken);

  it("previews every row, naming each error with its line, and the import writes nothing", async () => {
    const preview = await staffCaller().productCsv.preview({ csv: badFile });
    expect(preview).toMatchObject({ valid: false, products: 3, creates: 3, updates: 1 });
    expect(preview.rows).toEqual([
      {
        line: 2,
        handle: "linen-apron",
        sku: "LINEN-APRON",
        title: "Default",
        name: "Linen Apron",
        action: "create product",
        errors: [],
      },
      {
        line: 3,
        handle: "bamboo-spoon",
        sku: "BAMBOO-SPOON",
        title: "Default",
        name: "Bamboo Spoon",
        action: "update",
        errors: [],
      },
      {
        line: 4,
        handle: "broken",
        sku: "",
        title: "Default",
        name: "Broken Thing",
        action: "create product",
        errors: [
          "currency: Use a three-letter currency code such as USD",
          "active: Use true or false",
          "price: Use a number of 0 or more with at most two decimals, such as 12.50",
          "stock: Use a whole number of 0 or more",
        ],
      },
      {
        line: 5,
        handle: "enamel-mug-large",
        sku: "ENAMEL-MUG-LARGE",
        title: "Default",
        name: "Enamel Mug — Large",
        action: "create product",
        errors: [],
      },
    ]);

    const before = await counts();
    await expect(staffCaller().productCsv.import({ csv: badFile })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "1 row has errors; nothing was imported",
      cause: { details: { rows: [expect.objectContaining({ line: 4, handle: "broken" })] } },
    });
    expect(await counts()).toEqual(before);
    expect(await t.db.product.findUnique({ where: { slug: "linen-apron" } })).toBeNull();
    expect(await t.db.product.findUnique({ where: { slug: "bamboo-spoon" } })).toMatchObject({
      priceCents: 700,
    });
  });

  it("after the row is fixed, imports exactly what the preview showed, with ledger rows and one audit row", async () => {
    const fixed = fileWith(
      simple("broken", "Mended Thing", { currency: "EUR", price: "12", stock: "2", active: "false" }),
    );
    const preview = await staffCaller().productCsv.preview({ csv: fixed });
    expect(preview).toMatchObject({ valid: true, products: 3, creates: 3, updates: 1 });
    const before = await counts();
    const auditBefore = new Date();

    const result = await staffCaller().productCsv.import({ csv: fixed });
    expect(result).toEqual({ products: 3, creates: 3, adds: 0, updates: 1, unchanged: 0 });

    const after = await counts();
    expect(after.products).toBe(before.products + 3);
    expect(after.levels).toBe(before.levels + 3);
    // Opening stock for the apron (12) and the mended thing (2), the spoon's 50 → 45 adjustment.
    expect(after.movements).toBe(before.movements + 3);

    const apron = await t.db.product.findUniqueOrThrow({
      where: { slug: "linen-apron" },
      include: { category: true, variants: { include: { inventory: true } }, stockMovements: true },
    });
    expect(apron).toMatchObject({
      name: "Linen Apron",
      description: "Stonewashed",
      priceCents: 3200,
      lowStockThreshold: 3,
      active: true,
      category: { slug: "kitchen" },
      variants: [{ sku: "LINEN-APRON", inventory: { onHand: 12 } }],
      stockMovements: [
        { delta: 12, reason: "restock", note: "Opening stock", quantityAfter: 12, actorId: staff.id },
      ],
    });
    expect(
      await t.db.product.findUniqueOrThrow({
        where: { slug: "broken" },
        include: { variants: { include: { inventory: true } } },
      }),
    ).toMatchObject({
      name: "Mended Thing",
      priceCents: 1200,
      currency: "EUR",
      active: false,
      variants: [{ inventory: { onHand: 2 } }],
    });
    expect(
      await t.db.product.findUniqueOrThrow({
        where: { slug: "enamel-mug-large" },
        include: { stockMovements: true },
      }),
    ).toMatchObject({ priceCents: 1800, stockMovements: [] });

    const spoon = await t.db.product.findUniqueOrThrow({
      where: { slug: "bamboo-spoon" },
      include: { category: true, variants: { include: { inventory: true } } },
    });
    expect(spoon).toMatchObject({
      description: "Now in oak too",
      priceCents: 850,
      category: { slug: "garden" },
      variants: [{ priceCents: 850, inventory: { onHand: 45, version: 1 } }],
    });
    expect(
      await t.db.stockMovement.findMany({ where: { productId: spoon.id, reason: "adjustment" } }),
    ).toMatchObject([{ delta: -5, quantityAfter: 45, note: "CSV import", actorId: staff.id }]);

    const audit = await t.db.auditLog.findMany({
      where: { action: "product.import", createdAt: { gte: auditBefore } },
    });
    expect(audit).toMatchObject([{ actorId: staff.id, entity: "product", entityId: null, after: result }]);
  });

  it("takes the stock delta from the level when the import runs, not when it was previewed", async () => {
    const kettle = await t.db.product.findUniqueOrThrow({ where: { slug: "copper-kettle" } });
    const file = csv(
      simple("copper-kettle", "Copper Kettle", {
        description: "Whistling",
        category: "kitchen",
        price: "59.00",
        stock: "10",
      }),
    );
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

  it("gives a variant without a stock level one when the file sets its stock", async () => {
    const bare = await t.db.product.create({
      data: {
        slug: "bare-shelf",
        name: "Bare Shelf",
        priceCents: 900,
        maxPriceCents: 900,
        variants: { create: { sku: "BARE-SHELF", priceCents: 900 } },
      },
    });
    await staffCaller().productCsv.import({
      csv: csv(simple("bare-shelf", "Bare Shelf", { price: "9.00", stock: "3" })),
    });
    expect(await t.db.inventoryLevel.findFirst({ where: { variant: { productId: bare.id } } })).toMatchObject(
      {
        onHand: 3,
      },
    );
    expect(await t.db.stockMovement.findMany({ where: { productId: bare.id } })).toMatchObject([
      { delta: 3, reason: "adjustment", quantityAfter: 3, note: "CSV import" },
    ]);
  });

  it("flags unknown categories, wrong field counts, a title-made handle that is taken and bad handles", async () => {
    const text = [
      HEADER,
      serializeCsv([
        PRODUCT_CSV_COLUMNS.map((name) => simple("lonely", "Lonely", { category: "hardware" })[name] ?? ""),
      ]).trim(),
      "short,Short,,1",
      serializeCsv([PRODUCT_CSV_COLUMNS.map((name) => simple("", "Copper Kettle")[name] ?? "")]).trim(),
      serializeCsv([PRODUCT_CSV_COLUMNS.map((name) => simple("Bad Slug!", "Bad")[name] ?? "")]).trim(),
      serializeCsv([PRODUCT_CSV_COLUMNS.map((name) => simple("", "")[name] ?? "")]).trim(),
    ].join("\r\n");
    const preview = await staffCaller().productCsv.preview({ csv: text });
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((row) => [row.line, row.handle, row.action, row.errors])).toEqual([
      [2, "lonely", "create product", ["category: there is no category hardware"]],
      [3, "short", "create product", ["Expected 20 fields, found 4"]],
      [
        4,
        "copper-kettle",
        "update",
        [
          "handle: empty, and the handle made from the title (copper-kettle) belongs to an existing product; enter it to update that product, or enter a new handle",
        ],
      ],
      [5, "Bad Slug!", "create product", ["handle: Use lowercase letters, digits and single hyphens"]],
      [6, "", "create product", ["handle: Enter the product's handle (or, for a new product, its title)"]],
    ]);
  });

  it.each([
    ["an empty file", "", `The file is empty; its first line must be the header ${HEADER}`],
    [
      "the old header",
      "slug,name,description,price,currency,category,stock,lowStockThreshold,active\r\nx,X,,1,USD,,0,5,true\r\n",
      `The first line must be the header ${HEADER} (found slug,name,description,price,currency,category,stock,lowStockThreshold,active)`,
    ],
    ["a header with no rows", `${HEADER}\r\n`, "The file has no variant rows below the header"],
    ["an unclosed quote", `${HEADER}\r\nx,"X,,1\r\n`, "Line 2: A quoted field is never closed"],
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

  it("reads a header in any case", async () => {
    const text = csv(simple("case-test", "Case Test")).replace(HEADER, HEADER.toUpperCase());
    expect(await staffCaller().productCsv.preview({ csv: text })).toMatchObject({ valid: true, creates: 1 });
  });

  it("refuses more than 5,000 rows and more than 1 MB", async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => simple(`p-${i}`, `P ${i}`));
    await expect(staffCaller().productCsv.preview({ csv: csv(...rows) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The file has 5,001 rows; import at most 5,000 at a time",
    });
    // 600,000 two-byte characters: under the input's character limit, over the service's byte limit.
    const big = csv(simple("big", "Big", { description: "é".repeat(600_000) }));
    await expect(staffCaller().productCsv.preview({ csv: big })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The file is larger than 1 MB; split it and import the parts one by one",
    });
  });

  it("imports 5,000 variant rows in one go: 1,000 single products and 1,000 in four sizes", async () => {
    const sizes = ["S", "M", "L", "XL"];
    const rows = Array.from({ length: 2000 }, (_, i): Cells[] =>
      i % 2 === 0
        ? [
            simple(`bulk-${i}`, `Bulk, item ${i}`, {
              description: `Row ${i}`,
              category: "garden",
              price: `${i}.99`,
              stock: `${i % 3}`,
            }),
          ]
        : sizes.map((size, s) => ({
            handle: `bulk-${i}`,
            ...(s === 0 ? { title: `Bulk, item ${i}`, category: "garden", "option1 name": "Size" } : {}),
            "option1 value": size,
            price: `${i}.${s}0`,
            stock: `${(i + s) % 3}`,
          })),
    ).flat();
    expect(rows).toHaveLength(5000);
    const before = await counts();
    expect(await staffCaller().productCsv.import({ csv: csv(...rows) })).toEqual({
      products: 2000,
      creates: 5000,
      adds: 0,
      updates: 0,
      unchanged: 0,
    });
    const after = await counts();
    expect(after.products - before.products).toBe(2000);
    expect(after.variants - before.variants).toBe(5000);
    expect(after.levels - before.levels).toBe(5000);
    const stocked = rows.filter((row) => row.stock !== "0").length;
    expect(after.movements - before.movements).toBe(stocked);
    expect(await staffCaller().product.bySlug({ slug: "bulk-1432" })).toMatchObject({
      name: "Bulk, item 1432",
      priceCents: 143299,
      stock: 1,
      variants: [expect.objectContaining({ sku: "BULK-1432", title: "Default", stock: 1 })],
    });
    expect(await staffCaller().product.bySlug({ slug: "bulk-1433" })).toMatchObject({
      priceCents: 143300,
      maxPriceCents: 143330,
      options: [{ name: "Size", values: sizes }],
      variants: sizes.map((size, s) =>
        expect.objectContaining({ sku: `BULK-1433-${size}`, title: size, stock: (1433 + s) % 3 }),
      ),
    });
    // And the same file again is 5,000 rows that change nothing.
    expect(await staffCaller().productCsv.import({ csv: csv(...rows) })).toEqual({
      products: 0,
      creates: 0,
      adds: 0,
      updates: 0,
      unchanged: 5000,
    });
    expect((await counts()).movements).toBe(after.movements);
  });
});
