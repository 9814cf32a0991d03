import { z } from "zod";

type Sealed<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: z.ZodPipe<Shape[Key], z.ZodCustom<z.output<Shape[Key]>, z.output<Shape[Key]>>>;
};

/**
 * A REST input whose fields trpc-to-openapi cannot coerce. On every request that library sets
 * `coerce` in place on each number, boolean, bigint and date schema it reaches through the input
 * object's fields (into arrays, optionals, defaults and nested objects). Those are shared schemas
 * (OrderLineInput is tRPC's too), so a single POST /api/orders made tRPC accept "2", true and [3] as a
 * quantity, and REST bodies were coerced as well. Its walk does not enter pipes, so each field is
 * piped into a pass-through of its own output: nothing is reachable, no schema is ever changed, and
 * a JSON body is parsed as strictly as tRPC parses it. A query-string number says so itself with
 * z.coerce (page limits). The OpenAPI document reads a pipe's input side, so it does not change.
 */
export function uncoerced<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
): z.ZodObject<Sealed<Shape>> {
  const sealed: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    sealed[key] = (field as unknown as z.ZodType).pipe(z.custom());
  }
  // safeExtend keeps the object's own refinements (RestAdjustmentInput's "delta or set").
  return (schema as z.ZodObject).safeExtend(sealed) as unknown as z.ZodObject<Sealed<Shape>>;
}
