import { describe, expect, it } from "vitest";
import { ProductCsvRow, priceCellOf } from "../schemas/product-csv.ts";
import {
  CsvSyntaxError,
  csvNumber,
  formatCsvField,
  neutraliseFormula,
  parseCsv,
  restoreFormula,
  serializeCsv,
} from "./csv.ts";

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

describe("product CSV row", () => {
  const row = (overrides: Record<string, string>) =>
    ProductCsvRow.safeParse({
      slug: "mug",
      name: "Mug",
      description: "",
      price: "12.50",
      currency: "USD",
      category: "",
      stock: "3",
      lowStockThreshold: "",
      active: "",
      ...overrides,
    });
  const messages = (overrides: Record<string, string>) => {
    const result = row(overrides);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("turns cells into product fields, with defaults for empty optional cells", () => {
    expect(row({ price: "12.5", currency: "eur" })).toMatchObject({
      success: true,
      data: { price: 1250, currency: "EUR", category: null, stock: 3, lowStockThreshold: 5, active: true },
    });
    expect(row({ slug: " ", active: "FALSE", price: "0" })).toMatchObject({
      success: true,
      data: { slug: undefined, active: false, price: 0 },
    });
  });

  it("says what is wrong with each cell", () => {
    expect(messages({ name: " ", price: "" })).toEqual(["name: Enter a name", "price: Enter a price"]);
    expect(messages({ price: "12.345" })).toEqual([
      "price: Use a number of 0 or more with at most two decimals, such as 12.50",
    ]);
    expect(messages({ price: "-1" })).toHaveLength(1);
    expect(messages({ price: "1000000.01" })).toEqual(["price: That price is too high"]);
    expect(messages({ stock: "1.5", lowStockThreshold: "-2" })).toEqual([
      "stock: Use a whole number of 0 or more",
      "lowStockThreshold: Use a whole number of 0 or more",
    ]);
    expect(messages({ stock: "" })).toEqual(["stock: Enter the stock on hand"]);
    expect(messages({ currency: "US", active: "yes", slug: "Not A Slug" })).toEqual([
      "slug: Use lowercase letters, digits and single hyphens",
      "currency: Use a three-letter currency code such as USD",
      "active: Use true or false",
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
    expect(row({ price: "1234", currency: "JPY" }).data?.price).toBe(1234);
    expect(row({ price: "1.999", currency: "KWD" }).data?.price).toBe(1999);
    expect(row({ price: "12.5", currency: "USD" }).data?.price).toBe(1250);
    expect(messages({ price: "12.5", currency: "JPY" })).toEqual([
      "price: Use a whole number of 0 or more for JPY, such as 1250",
    ]);
    expect(messages({ price: "1.9999", currency: "KWD" })).toEqual([
      "price: Use a number of 0 or more with at most 3 decimals, such as 1.250",
    ]);
    expect(messages({ price: "1000000.01", currency: "USD" })).toEqual(["price: That price is too high"]);
  });
});
