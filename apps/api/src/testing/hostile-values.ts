import fc from "fast-check";

// Hostile values: what an attacker or a broken client sends instead of a valid value. Pools of
// known troublemakers (boundary numbers, NUL and control characters, odd unicode, very long strings,
// deep nesting) mixed with fast-check's own generators.

export const LONG_LENGTHS = [10_000, 100_000, 1_000_000] as const;

export function nested(depth: number, leaf: unknown, kind: "array" | "object"): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = kind === "array" ? [value] : { a: value };
  return value;
}

export const BOUNDARY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1.005,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 63,
  -(2 ** 63),
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_VALUE,
  // The first and last instants a JavaScript Date holds (z.coerce.date() takes numbers).
  8.64e15,
  -8.64e15,
];

export const NUMERIC_STRINGS: readonly string[] = [
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "-1",
  "0",
  "2",
  "0x10",
  "1_000",
  "2147483648",
  "9223372036854775808",
  "99999999999999999999999999",
  " 1 ",
  "",
  " ",
  "null",
  "undefined",
  "true",
];

/** Dates JavaScript accepts and Postgres may not (its timestamps start in 4713 BC). */
export const DATE_STRINGS: readonly string[] = [
  "-271821-04-20T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "0000-01-01T00:00:00.000Z",
  "-004714-11-23T00:00:00.000Z",
  "2024-02-30",
  "2024-13-01T00:00:00Z",
  "1970-01-01T00:00:00.000+99:99",
];

export const CONTROL_STRINGS: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "%00",
  "\\u0000",
  "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u001b\u001f",
  "\u007f\u0080\u0085\u009f",
  "line\r\nbreak",
  "\u2028\u2029",
  "\ufeffbom",
  "\ud800",
  "\udfff lone",
];

export const UNICODE_STRINGS: readonly string[] = [
  "𝕏😀🏳️‍🌈👩‍👩‍👧‍👦",
  "\u202eevil\u202c",
  "مرحبا بالعالم",
  "שלום",
  "e\u0301\u0301\u0301\u0301\u0301",
  "Z̴̡̛̮̞̀a̷̧̛͚͇l̸̢̛̘g̵̡̛o̶̧̊",
  "ＡＢＣ１２３",
  "ß",
  "İ",
  "\u00a0\u2003\u3000",
];

export const INJECTION_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  '"; DROP TABLE "user"; --',
  "%",
  "_",
  "\\",
  "%_%\\%",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  // A template placeholder, spelled so no linter mistakes it for a JS one.
  ["$", "{7*7}{{7*7}}"].join(""),
  '=HYPERLINK("http://evil.example")',
  "@SUM(1+1)",
  "__proto__",
  "constructor",
  "[object Object]",
];

const LONG_STRINGS: readonly string[] = [
  ...LONG_LENGTHS.map((length) => "a".repeat(length)),
  "é".repeat(100_000),
  "😀".repeat(50_000),
  "\u0000".repeat(10_000),
];

const STRUCTURES: readonly unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [null],
  [[]],
  { "": "" },
  { a: 1 },
  nested(64, 1, "array"),
  nested(64, 1, "object"),
  nested(1_000, 1, "array"),
  nested(1_000, "x", "object"),
  Array.from({ length: 10_000 }, (_, i) => i),
];

/** NUL is what Postgres refuses in text (error 22021): worth more than its share of the pool. */
export const controlString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom("\u0000", "a\u0000b") },
  { weight: 3, arbitrary: fc.constantFrom(...CONTROL_STRINGS) },
);

export const hostileString = fc.oneof(
  { weight: 2, arbitrary: controlString },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_STRINGS, ...DATE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

export const hostileNumber = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BOUNDARY_NUMBERS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
);

/** One value from the hostile pool: boundary numbers, odd strings, structures, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileNumber,
  hostileString,
  fc.constantFrom(...STRUCTURES),
  fc.jsonValue({ maxDepth: 3 }),
);
