import { describe, expect, it } from "vitest";
import {
  PRODUCT_CSV_COLUMNS,
  type ProductCsvColumn,
  priceCellOf,
  readPriceCell,
} from "../schemas/product-csv.ts";
import {
  CsvSyntaxError,
  csvNumber,
  formatCsvField,
  neutraliseFormula,
  parseCsv,
  restoreFormula,
  serializeCsv,
} from "./csv.ts";
import { groupProductCsvRows } from "./product-csv-group.ts";
import { checkProductCsvRows } from "./product-csv-rows.ts";

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe("CSV serializer and parser (RFC 4180)", () => {
  it("round-trips quotes, commas, line breaks, CRLF and empty fields", () => {
    const records = [
      ["slug", "name", "description"],
      ["plain", "Plain", ""],
      ["quoted", 'The "Big" One', "has, commas"],
      ["lines", "Two\nlines", "CRLF\r\ninside and a lone\rCR"],
      ["edges", '"', ",,"],
      ["", "", ""],
      ["unicode", 'Crème brûlée — 12" pan', "🍳"],
    ];
    const text = serializeCsv(records);
    expect(fields(text)).toEqual(records);
  });

  it("quotes only fields that need it, doubles quotes and ends every record with CRLF", () => {
    expect(serializeCsv([["a", "b,c", 'say "hi"', "x\ny"]])).toBe('a,"b,c","say ""hi""","x\ny"\r\n');
    expect(formatCsvField("plain text")).toBe("plain text");
  });

  it("reads LF, CRLF and lone CR line breaks, a byte-order mark, blank lines and no final newline", () => {
    expect(fields("\uFEFFa,b\r\n1,2\n\n3,4\r5,6")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
    expect(fields("a,\n,b\n")).toEqual([
      ["a", ""],
      ["", "b"],
    ]);
    expect(fields("")).toEqual([]);
  });

  it("gives each record the line it starts on, counting line breaks inside quotes", () => {
    const records = parseCsv('h1,h2\r\n"multi\r\nline",x\r\n\r\nlast,"a\nb"\nafter,1\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 5, 7]);
  });

  it("keeps a quote inside an unquoted field as it is", () => {
    expect(fields('12" pan,a"b')).toEqual([['12" pan', 'a"b']]);
  });

  it("refuses an unclosed quote and text after a closing quote, naming the line", () => {
    expect(() => parseCsv('a,b\n"open,1\n2')).toThrow(
      new CsvSyntaxError("A quoted field is never closed", 2),
    );
    const error = (() => {
      try {
        parseCsv('a\n"x"y,1');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ message: "Unexpected text after a closing quote", line: 2 });
  });
});

describe("defect 7: CSV export formula injection", () => {
  const formulas = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
  ];

  it("prefixes every cell that starts with = + - @ tab or CR with a single quote and quotes it", () => {
    for (const value of formulas) {
      expect(formatCsvField(value)).toBe(`"'${value.replaceAll('"', '""')}"`);
    }
    expect(serializeCsv([["=1+2", "ok", "@me"]])).toBe(`"'=1+2",ok,"'@me"\r\n`);
  });

  it("also escapes text that already starts with quotes before a formula character, and nothing else", () => {
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(neutraliseFormula("''-x")).toBe("'''-x");
    for (const plain of ["'hello", "it's", "a=b", "1-2", " =x", "", "'", "''"]) {
      expect(neutraliseFormula(plain)).toBe(plain);
      expect(restoreFormula(plain)).toBe(plain);
    }
  });

  it("reads exported cells back exactly, quotes and all", () => {
    const values = [...formulas, "'=already quoted", "''+twice", "'plain quote", "'", "x", "-", "=", "@"];
    for (const value of values) expect(restoreFormula(neutraliseFormula(value))).toBe(value);
    const records = [values, ["'=1", "'-1", "=1", "-1"]];
    expect(fields(serializeCsv(records))).toEqual(records);
  });

  it("writes numeric cells as numbers, negative ones included, without a quote", () => {
    expect(serializeCsv([[csvNumber("-5"), csvNumber("12.50"), csvNumber(0), "-5"]])).toBe(
      `-5,12.50,0,"'-5"\r\n`,
    );
    expect(fields("-5,12.50\r\n")).toEqual([["-5", "12.50"]]);
    expect(() => csvNumber("=1+1")).toThrow(TypeError);
  });
});

const cellsOf = (cells: Partial<Record<ProductCsvColumn, string>>) =>
  PRODUCT_CSV_COLUMNS.map((name) => cells[name] ?? "");
/** Checks rows given as cells (on lines 2, 3, ...), each on its own. */
const checkRows = (...rows: Partial<Record<ProductCsvColumn, string>>[]) =>
  checkProductCsvRows(rows.map((cells, index) => ({ line: index + 2, fields: cellsOf(cells) })));
const mug = { handle: "mug", title: "Mug", price: "12.50", stock: "3" };
const errorsOf = (cells: Partial<Record<ProductCsvColumn, string>>) =>
  checkRows({ ...mug, ...cells })[0]!.errors;

describe("product CSV row", () => {
  it("turns cells into typed cells, empty ones undefined, prices in minor units", () => {
    expect(checkRows({ ...mug, price: "12.5", currency: "eur", "compare-at price": "15" })[0]).toMatchObject({
      handle: "mug",
      title: "Default",
      values: ["", "", ""],
      errors: [],
      cells: {
        title: "Mug",
        currency: "EUR",
        category: undefined,
        active: undefined,
        priceCents: 1250,
        compareAtPriceCents: 1500,
        stock: 3,
        "variant active": true,
      },
    });
    expect(
      checkRows({
        ...mug,
        handle: " ",
        title: "Crème Mug",
        "option1 value": "M",
        "option2 value": "Black",
        active: "FALSE",
      })[0],
    ).toMatchObject({
      handle: "creme-mug",
      handleFromTitle: true,
      title: "M / Black",
      cells: { active: false },
    });
  });

  it("says what is wrong with each cell, in column order", () => {
    expect(errorsOf({ price: "", stock: "" })).toEqual([
      "price: Enter a price",
      "stock: Enter the stock on hand",
    ]);
    expect(errorsOf({ price: "12.345" })).toEqual([
      "price: Use a number of 0 or more with at most two decimals, such as 12.50",
    ]);
    expect(errorsOf({ price: "-1" })).toHaveLength(1);
    expect(errorsOf({ price: "1000000.01" })).toEqual(["price: That price is too high"]);
    expect(errorsOf({ "compare-at price": "0" })).toEqual([
      "compare-at price: Leave it empty, or use more than 0",
    ]);
    expect(errorsOf({ stock: "1.5", "low stock threshold": "-2", "weight grams": "x" })).toEqual([
      "low stock threshold: Use a whole number of 0 or more",
      "weight grams: Use a whole number of 0 or more",
      "stock: Use a whole number of 0 or more",
    ]);
    expect(
      errorsOf({ currency: "US", active: "yes", handle: "Not A Slug", "variant active": "no", SKU: "-x" }),
    ).toEqual([
      "handle: Use lowercase letters, digits and single hyphens",
      "currency: Use a three-letter currency code such as USD",
      "active: Use true or false",
      "SKU: Use letters, digits and . _ / - (starting with a letter or digit)",
      "variant active: Use true or false",
    ]);
    expect(checkRows({ handle: "x" })[0]!.errors).toEqual([
      "price: Enter a price",
      "stock: Enter the stock on hand",
    ]);
    expect(checkProductCsvRows([{ line: 2, fields: ["a", "b"] }])[0]!.errors).toEqual([
      "Expected 20 fields, found 2",
    ]);
  });

  it("writes cents as decimal major units with two decimals", () => {
    expect([0, 5, 1250, 123456].map((cents) => priceCellOf(cents, "USD"))).toEqual([
      "0.00",
      "0.05",
      "12.50",
      "1234.56",
    ]);
  });

  // Regression: the CSV read and wrote every price with two decimals, so 1234 yen exported as "12.34"
  // and "1234" JPY imported as 123400 yen.
  it("reads and writes each price in its own currency's minor units", () => {
    expect(priceCellOf(1234, "JPY")).toBe("1234");
    expect(priceCellOf(1999, "KWD")).toBe("1.999");
    expect(readPriceCell("1234", "JPY")).toEqual({ cents: 1234 });
    expect(readPriceCell("1.999", "KWD")).toEqual({ cents: 1999 });
    expect(errorsOf({ price: "12.5", currency: "JPY" })).toEqual([
      "price: Use a whole number of 0 or more for JPY, such as 1250",
    ]);
    expect(errorsOf({ price: "1.9999", currency: "KWD" })).toEqual([
      "price: Use a number of 0 or more with at most 3 decimals, such as 1.250",
    ]);
  });

  it("reads a later row's prices in the currency of its handle's first row", () => {
    const rows = checkRows(
      { ...mug, currency: "JPY", price: "1250" },
      { handle: "mug", price: "1300", stock: "1" },
      { handle: "mug", price: "12.5", stock: "1" },
    );
    expect(rows.map((row) => [row.cells?.priceCents, row.errors])).toEqual([
      [1250, []],
      [1300, []],
      [undefined, ["price: Use a whole number of 0 or more for JPY, such as 1250"]],
    ]);
  });
});

describe("a product's rows", () => {
  const group = (...rows: Partial<Record<ProductCsvColumn, string>>[]) => {
    const checked = checkRows(...rows);
    return { products: groupProductCsvRows(checked), errors: checked.map((row) => row.errors) };
  };
  const tee = (size: string, colour: string, extra: Partial<Record<ProductCsvColumn, string>> = {}) => ({
    handle: "tee",
    "option1 value": size,
    "option2 value": colour,
    price: "20",
    stock: "1",
    ...extra,
  });
  const first = { title: "Tee", "option1 name": "Size", "option2 name": "Colour" };

  it("takes the product's fields and option names from its first row, values in order of appearance", () => {
    const { products, errors } = group(
      tee("M", "Black", first),
      tee("S", "Black", { title: "Tee", currency: "usd", active: "true", "option2 name": "Colour" }),
      tee("M", "White"),
    );
    expect(errors).toEqual([[], [], []]);
    expect(products).toMatchObject([
      {
        handle: "tee",
        readable: true,
        fields: {
          name: "Tee",
          description: "",
          category: null,
          currency: "USD",
          lowStockThreshold: 5,
          active: true,
        },
        options: [
          { name: "Size", values: ["M", "S"] },
          { name: "Colour", values: ["Black", "White"] },
        ],
      },
    ]);
  });

  it("refuses conflicting product cells, missing or extra values, twins and apart handles", () => {
    const { errors } = group(
      tee("M", "Black", first),
      tee("M", "Black", { "low stock threshold": "7" }),
      tee("L", "", { "option1 name": "Colour" }),
      { handle: "mat", title: "Mat", price: "5", stock: "1" },
      tee("XL", "Red", { "option3 value": "Cotton" }),
    );
    expect(errors).toEqual([
      [],
      [
        "low stock threshold: 7 differs from line 2 (5); leave it empty or repeat it",
        "option values: M / Black is also on line 2; each variant is one combination",
      ],
      [
        'option1 name: "Colour" differs from line 2 ("Size"); leave it empty or repeat it',
        "option2 value: Enter this variant's Colour",
      ],
      [],
      ["handle: tee is also on lines 2–4; keep a product's rows together"],
    ]);
    expect(group(tee("M", "Black", { title: "Tee", "option2 name": "Colour" })).errors).toEqual([
      [
        "option2 name: name option1 first",
        "option1 value: line 2 names no option1; name it there first",
        "option2 value: line 2 names no option2; name it there first",
      ],
    ]);
    expect(group({ handle: "mat", price: "5", stock: "1" }).errors).toEqual([
      ["title: Enter the product's title on its first row"],
    ]);
  });
});
