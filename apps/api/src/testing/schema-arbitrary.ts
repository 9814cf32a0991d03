import fc from "fast-check";
import { type ZodType, z } from "zod";

// fast-check arbitraries for API inputs, generated from JSON Schema: tRPC inputs through zod 4's own
// z.toJSONSchema, REST operations from the OpenAPI document (itself generated from the same zod
// schemas). zod-fast-check only speaks zod 3, and JSON Schema is the one form both surfaces share.

/** The part of JSON Schema that zod 4 and trpc-to-openapi emit for inputs. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export type ValuePath = readonly (string | number)[];

export interface ArbitraryOptions {
  /**
   * A domain-specific arbitrary for one place in the input (known ids, cursors, CSV), or undefined.
   * `generated()` is what the schema alone would give there, to mix with.
   */
  hint?: (
    path: ValuePath,
    schema: JsonSchema,
    generated: () => fc.Arbitrary<unknown>,
  ) => fc.Arbitrary<unknown> | undefined;
}

/** A procedure's zod input as JSON Schema of what a client sends (dates as ISO strings). */
export function inputJsonSchema(schema: ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override(ctx) {
      if (ctx.zodSchema._zod.def.type === "date") Object.assign(ctx.jsonSchema, dateTimeSchema);
    },
  }) as JsonSchema;
}

const dateTimeSchema = { type: "string", format: "date-time" };
const MAX_GENERATED_STRING = 40;
const MAX_GENERATED_ITEMS = 4;

/** Values the schema accepts, as far as JSON Schema says (refinements such as "change one field" are not). */
export function validValue(
  schema: JsonSchema | undefined,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return valueAt(schema, [], options);
}

function valueAt(
  schema: JsonSchema | undefined,
  path: ValuePath,
  options: ArbitraryOptions,
): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  const hinted = options.hint?.(path, schema, () => generated(schema, path, options));
  return hinted ?? generated(schema, path, options);
}

function generated(schema: JsonSchema, path: ValuePath, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((branch) => valueAt(branch, path, options)));
  if (schema.allOf?.[0]) return valueAt(schema.allOf[0], path, options);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => valueAt({ ...schema, type }, path, options)));
  switch (types[0]) {
    case "string":
      return stringValue(schema);
    case "integer":
      return integerValue(schema);
    case "number":
      return fc.oneof(
        integerValue(schema),
        integerValue(scaled(schema, 100)).map((cents) => cents / 100),
      );
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return arrayValue(schema, path, options);
    case "object":
      return objectValue(schema, path, options);
    default:
      // Unconstrained ({}): any JSON scalar.
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null));
  }
}

function stringValue(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Math.max(minLength, MAX_GENERATED_STRING);
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc
        .tuple(fc.stringMatching(/^[a-z0-9]{1,16}$/), fc.stringMatching(/^[a-z]{1,10}$/))
        .map(([local, domain]) => `${local}@${domain}.test`);
    case "date-time":
      return fc
        .date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2100-01-01T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString());
  }
  if (schema.pattern) {
    try {
      const matching = fc.stringMatching(new RegExp(schema.pattern));
      return matching.filter(fits);
    } catch {
      // A pattern fast-check cannot generate from: plain strings (mostly refused, still worth sending).
    }
  }
  // Trimmed, since many schemas trim before checking lengths (which JSON Schema cannot say).
  return fc
    .string({ minLength, maxLength: Math.min(maxLength, Math.max(minLength, MAX_GENERATED_STRING)) })
    .map((value) => value.trim())
    .filter(fits);
}

function integerValue(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(
    Number.MIN_SAFE_INTEGER,
    Math.ceil(schema.minimum ?? Number.MIN_SAFE_INTEGER),
    schema.exclusiveMinimum === undefined ? Number.MIN_SAFE_INTEGER : Math.floor(schema.exclusiveMinimum) + 1,
  );
  const max = Math.min(
    Number.MAX_SAFE_INTEGER,
    Math.floor(schema.maximum ?? Number.MAX_SAFE_INTEGER),
    schema.exclusiveMaximum === undefined ? Number.MAX_SAFE_INTEGER : Math.ceil(schema.exclusiveMaximum) - 1,
  );
  return fc.integer({ min, max: Math.max(min, max) });
}

function scaled(schema: JsonSchema, factor: number): JsonSchema {
  const scale = (value: number | undefined) => (value === undefined ? undefined : value * factor);
  return { ...schema, minimum: scale(schema.minimum), maximum: scale(schema.maximum) };
}

function arrayValue(schema: JsonSchema, path: ValuePath, options: ArbitraryOptions): fc.Arbitrary<unknown[]> {
  if (schema.prefixItems)
    return fc.tuple(...schema.prefixItems.map((item, i) => valueAt(item, [...path, i], options)));
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.max(
    minLength,
    Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS),
  );
  // Every element shares one hint path ("*"): hints care about what an element is, not where.
  return fc.array(valueAt(schema.items ?? {}, [...path, "*"], options), { minLength, maxLength });
}

function objectValue(
  schema: JsonSchema,
  path: ValuePath,
  options: ArbitraryOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [key, valueAt(property, [...path, key], options)]),
  );
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
}

// ---------------------------------------------------------------------------------------------
// Hostile values: what an attacker or a broken client sends instead of a valid value.

const LONG_LENGTHS = [10_000, 100_000, 1_000_000] as const;

function nested(depth: number, leaf: unknown, kind: "array" | "object"): unknown {
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
const controlString = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom("\u0000", "a\u0000b") },
  { weight: 3, arbitrary: fc.constantFrom(...CONTROL_STRINGS) },
);

const hostileString = fc.oneof(
  { weight: 2, arbitrary: controlString },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...NUMERIC_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

const hostileNumber = fc.oneof(
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

// ---------------------------------------------------------------------------------------------
// Mutations of valid values.

export const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
] as const;

export type Mutation =
  /** A hostile value of the same JSON type at a leaf: a string for a string, a number for a number. */
  | { kind: "sameType"; at: number; text: string; number: number }
  /** Any hostile value (a wrong type, most often) at the chosen place. */
  | { kind: "replace"; at: number; value: unknown }
  /** Drop the chosen key or element. */
  | { kind: "remove"; at: number }
  /** Add an unknown or prototype key to the chosen object (or its nearest object ancestor). */
  | { kind: "addKey"; at: number; key: string; value: unknown }
  /** An array where an object goes, or an object where an array goes. */
  | { kind: "flipShape"; at: number }
  /** The value wrapped in an array. */
  | { kind: "wrap"; at: number }
  /** The value buried under many levels of arrays or objects. */
  | { kind: "nest"; at: number; depth: number; container: "array" | "object" }
  /** A number or boolean as a string ("2", "true"): coercion must not accept it silently. */
  | { kind: "stringify"; at: number }
  /** A string with something spliced in (NUL, control characters, unicode) or grown very long. */
  | { kind: "splice"; at: number; insert: string; position: number }
  | { kind: "grow"; at: number; length: number };

/** Kinds that change a value in place pick a leaf; the others pick any place, the root included. */
const LEAF_KINDS: ReadonlySet<Mutation["kind"]> = new Set(["sameType", "stringify", "splice", "grow"]);

const at = fc.nat({ max: 1_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("sameType" as const),
      at,
      text: hostileString,
      number: hostileNumber,
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("replace" as const), at, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), at }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("addKey" as const),
      at,
      key: fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("flipShape" as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("wrap" as const), at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("nest" as const),
      at,
      // JSON.stringify recurses: a few thousand levels is as deep as a client can send.
      depth: fc.constantFrom(8, 100, 500),
      container: fc.constantFrom("array" as const, "object" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("stringify" as const), at }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("splice" as const),
      at,
      insert: fc.oneof({ weight: 2, arbitrary: controlString }, fc.constantFrom(...UNICODE_STRINGS)),
      position: fc.nat({ max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("grow" as const),
      at,
      length: fc.constantFrom(...LONG_LENGTHS),
    }),
  },
);

/**
 * Every place in a JSON-like value, the root ([]) first, breadth first. Bounded (depth and count), so a
 * deeply nested or huge value from an earlier mutation costs nothing to walk.
 */
export function pathsOf(value: unknown, limits = { depth: 12, count: 300 }): ValuePath[] {
  const paths: ValuePath[] = [];
  const queue: { node: unknown; path: ValuePath }[] = [{ node: value, path: [] }];
  for (let i = 0; i < queue.length && paths.length < limits.count; i += 1) {
    const { node, path } = queue[i]!;
    paths.push(path);
    if (path.length >= limits.depth) continue;
    const children: [string | number, unknown][] = Array.isArray(node)
      ? node.slice(0, limits.count).map((item, index) => [index, item])
      : isPlainObject(node)
        ? Object.entries(node)
        : [];
    for (const [key, child] of children) queue.push({ node: child, path: [...path, key] });
  }
  return paths;
}

function isContainer(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets an own, enumerable property, even "__proto__" (so JSON.stringify sends it as a key). */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function getAt(root: unknown, path: ValuePath): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);
}

function transformAt(root: unknown, path: ValuePath, change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(root);
  const parent = getAt(root, path.slice(0, -1)) as Record<string, unknown> | unknown[];
  const key = path[path.length - 1]!;
  setOwn(parent, key, change((parent as Record<string | number, unknown>)[key]));
  return root;
}

/** Any value as text; objects as JSON (String() throws on an object whose own toString is not a function). */
function textOf(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Applies mutations in order to a copy of `valid`; each one picks its place among the current paths. */
export function applyMutations(valid: unknown, mutations: readonly Mutation[]): unknown {
  let root = clone(valid);
  for (const change of mutations) {
    const paths = pathsOf(root);
    const leaves = paths.filter((path) => !isContainer(getAt(root, path)));
    const candidates = LEAF_KINDS.has(change.kind) && leaves.length > 0 ? leaves : paths;
    root = applyMutation(root, candidates[change.at % candidates.length]!, change);
  }
  return root;
}

function applyMutation(root: unknown, path: ValuePath, change: Mutation): unknown {
  switch (change.kind) {
    case "sameType":
      return transformAt(root, path, (value) => (typeof value === "number" ? change.number : change.text));
    case "replace":
      return transformAt(root, path, () => change.value);
    case "remove": {
      if (path.length === 0) return undefined;
      const parent = getAt(root, path.slice(0, -1));
      const key = path[path.length - 1]!;
      if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
      else if (isPlainObject(parent)) delete parent[key];
      return root;
    }
    case "addKey": {
      let objectPath = path;
      while (objectPath.length > 0 && !isPlainObject(getAt(root, objectPath)))
        objectPath = objectPath.slice(0, -1);
      if (!isPlainObject(getAt(root, objectPath))) root = {};
      setOwn(getAt(root, objectPath) as Record<string, unknown>, change.key, change.value);
      return root;
    }
    case "flipShape":
      return transformAt(root, path, (value) =>
        Array.isArray(value) ? { ...value } : isPlainObject(value) ? Object.values(value) : [value],
      );
    case "wrap":
      return transformAt(root, path, (value) => [value]);
    case "nest":
      return transformAt(root, path, (value) => nested(change.depth, value ?? null, change.container));
    case "stringify":
      return transformAt(root, path, textOf);
    case "splice":
      return transformAt(root, path, (value) => {
        const text = typeof value === "string" ? value : textOf(value);
        const position = Math.min(change.position, text.length);
        return text.slice(0, position) + change.insert + text.slice(position);
      });
    case "grow":
      return transformAt(root, path, (value) => {
        const text = typeof value === "string" && value.length > 0 ? value : "x";
        return text.repeat(Math.ceil(change.length / text.length)).slice(0, change.length);
      });
  }
}

/** A valid value with one to three mutations applied. */
export function mutatedValue(
  schema: JsonSchema | undefined,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(schema, options), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([valid, mutations]) => applyMutations(valid, mutations));
}

/** What the fuzz test sends: mostly mutations of valid inputs, some valid ones (to reach deeper code). */
export function fuzzInput(
  schema: JsonSchema | undefined,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: validValue(schema, options) },
    { weight: 3, arbitrary: mutatedValue(schema, options) },
  );
}
