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
