import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/session.ts";
import { createTestProduct } from "../fixtures.ts";
import { PRODUCT_CSV_COLUMNS } from "../schemas/product-csv.ts";
import { callerAs, createTestUser, useTestContext } from "../testing.ts";

const t = useTestContext();
let staff: SessionUser;

const staffCaller = () => callerAs(t.services, staff);

/** Names and descriptions a spreadsheet would run as formulas, and ones that look escaped already. */
const hostile = [
  { slug: "formula-equals", name: '=HYPERLINK("http://evil.example","Click")', description: "=1+1" },
  { slug: "formula-plus", name: "+1+cmd", description: "+SUM(A1)" },
  { slug: "formula-minus", name: "-2+3+cmd|' /C calc'!A0", description: "-- a dash note" },
  { slug: "formula-at", name: "@SUM(1+1)*cmd", description: "@here" },
  { slug: "formula-tab", name: "Tab inside", description: "\t=1+1" },
  { slug: "formula-cr", name: "CR inside", description: "\r=1+1" },
  { slug: "formula-quoted", name: "'=already quoted", description: "''+twice" },
  { slug: "plain-quote", name: "'Quoted' name", description: "it's fine" },
];

beforeAll(async () => {
  staff = await createTestUser(t.db, { role: "STAFF" });
  for (const product of hostile) await createTestProduct(t.db, { ...product, priceCents: 1999, stock: 3 });
  // Option names and values are text cells too.
  await staffCaller().product.create({
    name: "Options cap",
    slug: "formula-options",
    description: "",
    currency: "USD",
    lowStockThreshold: 5,
    options: [{ name: "=Size", values: ["-S", "@M"] }],
    variants: [
      { options: { "=Size": "-S" }, priceCents: 1999, stock: 1 },
      { options: { "=Size": "@M" }, priceCents: 2099, barcode: "+123", stock: 2 },
    ],
  });
});

const slugs = [...hostile.map((product) => product.slug), "formula-options"];

const storedProducts = () =>
  t.db.product.findMany({
    where: { slug: { in: slugs } },
    select: {
      slug: true,
      name: true,
      description: true,
      priceCents: true,
      options: { select: { name: true, values: true } },
      variants: {
        select: { sku: true, option1: true, priceCents: true, barcode: true },
        orderBy: { position: "asc" },
      },
    },
    orderBy: { slug: "asc" },
  });

describe("defect 7: CSV export formula injection", () => {
  it("neutralises every text cell a spreadsheet would run as a formula, and leaves numbers alone", async () => {
    const { csv } = await staffCaller().productCsv.export();
    for (const cell of [
      `"'=HYPERLINK(""http://evil.example"",""Click"")"`,
      `"'=1+1"`,
      `"'+1+cmd"`,
      `"'-2+3+cmd|' /C calc'!A0"`,
      `"'@SUM(1+1)*cmd"`,
      `"'\t=1+1"`,
      `"'\r=1+1"`,
      `"''=already quoted"`,
      `"'''+twice"`,
      `"'=Size","'-S"`,
      `"'@M"`,
      `"'+123"`,
    ]) {
      expect(csv).toContain(cell);
    }
    expect(csv).toContain(
      "plain-quote,'Quoted' name,it's fine,,USD,5,true,,,,,,,PLAIN-QUOTE,19.99,,,,3,true\r\n",
    );
    // No cell of the file starts with a formula character.
    const rawCells = csv.split(/\r\n/).flatMap((line) => line.split(","));
    expect(rawCells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it("round-trips: importing the export gives back the original values exactly", async () => {
    const original = await storedProducts();
    const { csv } = await staffCaller().productCsv.export();
    // Change every product (its price is its one variant's), so the import has to write the values back.
    for (const slug of slugs) {
      await t.db.product.update({
        where: { slug },
        data: { name: "Changed", description: "changed" },
      });
      await t.db.productVariant.updateMany({
        where: { product: { slug } },
        data: { priceCents: 1 },
      });
    }
    const preview = await staffCaller().productCsv.preview({ csv });
    expect(preview).toMatchObject({ valid: true, creates: 0 });
    await staffCaller().productCsv.import({ csv });
    expect(await storedProducts()).toEqual(original);
    expect((await staffCaller().productCsv.export()).csv).toBe(csv);
  });

  it("reads a hand-written quote before a formula as a spreadsheet does: as text without the quote", async () => {
    const header = PRODUCT_CSV_COLUMNS.join(",");
    const file = `${header}\r\nhand-written,'=Hand,'@note,,USD,,,'-Size,'+XL,,,,,,5.00,,,,1,\r\n`;
    await staffCaller().productCsv.import({ csv: file });
    expect(
      await t.db.product.findUnique({
        where: { slug: "hand-written" },
        select: { name: true, description: true },
      }),
    ).toEqual({ name: "=Hand", description: "@note" });
    // Option names and values are read the same way.
    expect(
      await t.db.productOption.findMany({
        where: { product: { slug: "hand-written" } },
        select: { name: true, values: true },
      }),
    ).toEqual([{ name: "-Size", values: ["+XL"] }]);
  });
});
