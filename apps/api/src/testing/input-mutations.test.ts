import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { applyMutations, fuzzInput, mutatedValue, pathsOf } from "./input-mutations.ts";
import { inputJsonSchema, type JsonSchema } from "./schema-arbitrary.ts";

describe("mutations", () => {
  const schema: JsonSchema = inputJsonSchema(
    z.object({ name: z.string(), quantity: z.number().int(), lines: z.array(z.object({ id: z.string() })) }),
  );
  const valid = { name: "kettle", quantity: 2, lines: [{ id: "a" }] };

  it("lists every place in a value, root first", () => {
    expect(pathsOf(valid)).toEqual([[], ["name"], ["quantity"], ["lines"], ["lines", 0], ["lines", 0, "id"]]);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(pathsOf(deep)).toHaveLength(13);
  });

  it("replaces, removes, stringifies and splices at the chosen place, without touching the original", () => {
    expect(applyMutations(valid, [{ kind: "replace", at: 2, value: 2 ** 31 }])).toMatchObject({
      quantity: 2 ** 31,
    });
    expect(applyMutations(valid, [{ kind: "remove", at: 1 }])).not.toHaveProperty("name");
    // In-place kinds pick among leaves only: name, quantity, lines.0.id.
    expect(applyMutations(valid, [{ kind: "stringify", at: 1 }])).toMatchObject({ quantity: "2" });
    expect(applyMutations(valid, [{ kind: "splice", at: 0, insert: "\u0000", position: 2 }])).toMatchObject({
      name: "ke\u0000ttle",
    });
    const grown = applyMutations(valid, [{ kind: "grow", at: 0, length: 10_000 }]) as typeof valid;
    expect(grown.name).toHaveLength(10_000);
    expect(grown.name.startsWith("kettlekettle")).toBe(true);
    const sameType = { kind: "sameType", text: "\u0000", number: 2 ** 31 } as const;
    expect(applyMutations(valid, [{ ...sameType, at: 0 }])).toMatchObject({ name: "\u0000" });
    expect(applyMutations(valid, [{ ...sameType, at: 1 }])).toMatchObject({ quantity: 2 ** 31 });
    expect(valid).toEqual({ name: "kettle", quantity: 2, lines: [{ id: "a" }] });
  });

  it("adds prototype keys as own keys that JSON sends", () => {
    const mutated = applyMutations(valid, [
      { kind: "addKey", at: 5, key: "__proto__", value: { admin: true } },
    ]);
    expect(JSON.stringify(mutated)).toContain('{"id":"a","__proto__":{"admin":true}}');
    expect(Object.getPrototypeOf((mutated as typeof valid).lines[0])).toBe(Object.prototype);
  });

  it("inserts copies, so a later mutation never changes a shared pool value or makes a cycle", () => {
    const inserted = { a: 1 };
    const mutated = applyMutations(valid, [
      { kind: "replace", at: 2, value: inserted },
      { kind: "addKey", at: 2, key: "__proto__", value: inserted },
    ]);
    expect(inserted).toEqual({ a: 1 });
    expect(JSON.stringify(mutated)).toContain('"quantity":{"a":1,"__proto__":{"a":1}}');
  });

  it("puts arrays where objects go and objects where arrays go, wraps and nests deeply", () => {
    expect(applyMutations(valid, [{ kind: "flipShape", at: 3 }])).toMatchObject({
      lines: { 0: { id: "a" } },
    });
    expect(applyMutations(valid, [{ kind: "flipShape", at: 0 }])).toEqual(["kettle", 2, [{ id: "a" }]]);
    expect(applyMutations(valid, [{ kind: "wrap", at: 2 }])).toMatchObject({ quantity: [2] });
    const deep = applyMutations(valid, [{ kind: "nest", at: 2, depth: 500, container: "array" }]);
    expect(JSON.stringify(deep)).toContain(`${"[".repeat(500)}2${"]".repeat(500)}`);
  });

  it("mostly generates inputs the schema refuses, with the same seed giving the same inputs", () => {
    const parser = z.object({
      name: z.string(),
      quantity: z.number().int(),
      lines: z.array(z.object({ id: z.string() })),
    });
    const samples = fc.sample(mutatedValue(schema), { seed: 7, numRuns: 300 });
    const refused = samples.filter((value) => !parser.strict().safeParse(value).success).length;
    // A same-type replacement is often still valid for this loose schema (any string is a name).
    expect(refused / samples.length).toBeGreaterThan(0.6);
    expect(fc.sample(fuzzInput(schema), { seed: 7, numRuns: 20 })).toEqual(
      fc.sample(fuzzInput(schema), { seed: 7, numRuns: 20 }),
    );
  });

  it("reaches boundary integers, NUL, long strings and unknown keys over enough runs", () => {
    const texts = fc
      .sample(mutatedValue(schema), { seed: 1, numRuns: 2_000 })
      .map((value) => JSON.stringify(value) ?? "");
    expect(texts.some((text) => text.includes("2147483648"))).toBe(true);
    expect(texts.some((text) => text.includes("\\u0000"))).toBe(true);
    expect(texts.some((text) => text.length > 10_000)).toBe(true);
    expect(texts.some((text) => text.includes('"__proto__"'))).toBe(true);
  });
});
