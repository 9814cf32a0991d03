import { BulkTransitionInput, ProductListInput, ShippingAddressSchema } from "@stockroom/api/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputJsonSchema, validValue } from "./schema-arbitrary.ts";

const run = { seed: 42, numRuns: 200 };

describe("validValue", () => {
  it("generates inputs the zod schema itself accepts (no refinements involved)", () => {
    // An order's lines refine "a variant or a product" (not JSON Schema): these have no refinements.
    for (const schema of [BulkTransitionInput, ProductListInput, ShippingAddressSchema]) {
      fc.assert(
        fc.property(validValue(inputJsonSchema(schema)), (value) => {
          const parsed = schema.safeParse(value);
          expect(parsed.error?.issues ?? []).toEqual([]);
        }),
        run,
      );
    }
  });

  it("covers strings with patterns, formats, lengths, integers with bounds, enums, unions and dates", () => {
    const schema = z.object({
      slug: z
        .string()
        .min(3)
        .max(20)
        .regex(/^[a-z]+(-[a-z]+)*$/),
      id: z.uuid(),
      email: z.email(),
      at: z.coerce.date(),
      count: z.number().int().min(-5).max(5),
      positive: z.number().int().positive(),
      price: z.number().min(0).max(10),
      kind: z.enum(["a", "b"]),
      either: z.union([z.object({ delta: z.number().int() }), z.object({ set: z.number().int().min(0) })]),
      tags: z.array(z.string().max(3)).min(1).max(2),
      maybe: z.string().nullable().optional(),
    });
    fc.assert(
      fc.property(validValue(inputJsonSchema(schema)), (value) => {
        expect(schema.safeParse(value).error?.issues ?? []).toEqual([]);
      }),
      run,
    );
  });

  it("uses a hint for the places it names", () => {
    const schema = inputJsonSchema(z.object({ items: z.array(z.object({ productId: z.uuid() })).min(1) }));
    const known = "11111111-1111-4111-8111-111111111111";
    const hint = (path: readonly (string | number)[]) =>
      path.join(".") === "items.*.productId" ? fc.constant(known) : undefined;
    fc.assert(
      fc.property(validValue(schema, { hint }), (value) => {
        for (const item of (value as { items: { productId: string }[] }).items)
          expect(item.productId).toBe(known);
      }),
      run,
    );
  });

  it("is undefined for a procedure without input", () => {
    expect(fc.sample(validValue(undefined), 3)).toEqual([undefined, undefined, undefined]);
  });
});
