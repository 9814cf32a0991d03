import { z } from "zod";

/** Manual reasons; sales and cancellations are recorded by orders themselves. */
export const AdjustmentReasonSchema = z.enum(["restock", "adjustment", "return"]);

export const InventoryLevelsInput = z.object({
  lowStock: z.boolean().default(false),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

const adjustmentBase = {
  productId: z.uuid({ message: "Not a product id" }),
  reason: AdjustmentReasonSchema,
  note: z.string().trim().max(500).optional(),
  /** The level's version when the caller read it; a change since then is refused. */
  expectedVersion: z.number().int().min(0).optional(),
};

export const AdjustStockInput = z.union([
  z.object({
    ...adjustmentBase,
    delta: z
      .number()
      .int()
      .refine((n) => n !== 0, "A change of zero changes nothing"),
  }),
  z.object({ ...adjustmentBase, set: z.number().int().min(0, "Stock cannot be negative") }),
]);
export type AdjustStockData = z.infer<typeof AdjustStockInput>;

export const StockMovementsInput = z.object({
  productId: z.uuid({ message: "Not a product id" }),
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
