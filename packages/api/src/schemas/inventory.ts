import { z } from "zod";
import { INT4_MAX, pageCursor, singleLineText, text } from "./text.ts";
import { hasVariantRef, VARIANT_REF_REQUIRED, VariantRefFields } from "./variant.ts";

/** Manual reasons; sales and cancellations are recorded by orders themselves. */
export const AdjustmentReasonSchema = z.enum(["restock", "adjustment", "return"]);

export const InventoryLevelsInput = z.object({
  /** Only this product's variants. */
  productId: z.uuid({ message: "Not a product id" }).optional(),
  lowStock: z.boolean().default(false),
  q: singleLineText().trim().max(200).optional(),
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

const adjustmentBase = {
  /** The variant whose stock changes; or `productId` for a product with one variant. */
  ...VariantRefFields,
  reason: AdjustmentReasonSchema,
  note: text().trim().max(500).optional(),
  /** The level's version when the caller read it; a change since then is refused. */
  expectedVersion: z.number().int().min(0).max(INT4_MAX, "Not a version of this level").optional(),
};

/** The most units one level may hold (the column is int4; this leaves room for returns). */
export const MAX_STOCK_ON_HAND = 1_000_000_000;
const stockLimit = `Use at most ${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`;

/**
 * An adjustment's fields. Exactly one of `delta` or `set` must be given (hasOneStockChange); REST
 * derives its body from these fields, tRPC parses AdjustStockInput.
 */
export const AdjustStockFields = z.object({
  ...adjustmentBase,
  delta: z
    .number()
    .int()
    .min(-MAX_STOCK_ON_HAND, `Use at least -${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`)
    .max(MAX_STOCK_ON_HAND, stockLimit)
    .refine((n) => n !== 0, "A change of zero changes nothing")
    .optional(),
  set: z.number().int().min(0, "Stock cannot be negative").max(MAX_STOCK_ON_HAND, stockLimit).optional(),
});

export const hasOneStockChange = (input: { delta?: number; set?: number }) =>
  (input.delta === undefined) !== (input.set === undefined);
export const ONE_STOCK_CHANGE = { message: "Give either delta or set", path: ["delta"] };

/** An adjustment that passed hasOneStockChange, as the change it makes: by `delta`, or to `set`. */
export function toStockChange<Fields extends { delta?: number; set?: number }>({
  delta,
  set,
  ...rest
}: Fields) {
  // hasOneStockChange ran first: when delta is missing, set is there.
  return delta !== undefined ? { ...rest, delta } : { ...rest, set: set as number };
}

/** A change by `delta` or to a level (`set`); both, or neither, is refused. */
export const AdjustStockInput = AdjustStockFields.refine(hasOneStockChange, ONE_STOCK_CHANGE)
  .refine(hasVariantRef, VARIANT_REF_REQUIRED)
  .transform(toStockChange);
export type AdjustStockData = z.infer<typeof AdjustStockInput>;

/** One variant's ledger (`variantId`), or a product's across its variants (`productId`). */
export const StockMovementsInput = z
  .object({
    ...VariantRefFields,
    cursor: pageCursor().optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .refine(hasVariantRef, VARIANT_REF_REQUIRED);
