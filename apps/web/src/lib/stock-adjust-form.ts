import { AdjustmentReasonSchema, AdjustStockInput } from "@stockroom/api/schemas";
import { z } from "zod";

/** What the stock form holds: a change by, or a new level of, the amount as typed. */
export const StockAdjustFormFields = z.object({
  mode: z.enum(["delta", "set"]),
  amount: z.string(),
  reason: AdjustmentReasonSchema,
  note: z.string(),
});
export type StockAdjustFormValues = z.infer<typeof StockAdjustFormFields>;

/**
 * The form's values checked by the API's own AdjustStockInput for this variant and the version the page
 * read, with its messages reported on the amount box.
 */
export function stockAdjustFormSchema(variantId: string, expectedVersion: number) {
  return StockAdjustFormFields.transform((values, ctx) => {
    const amount = values.amount.trim() === "" ? Number.NaN : Number(values.amount);
    if (!Number.isInteger(amount)) {
      const message =
        values.mode === "delta"
          ? "Enter a whole number other than zero"
          : "Enter a whole number of zero or more";
      ctx.addIssue({ code: "custom", message, path: ["amount"] });
      return z.NEVER;
    }
    const parsed = AdjustStockInput.safeParse({
      variantId,
      expectedVersion,
      reason: values.reason,
      note: values.note.trim() || undefined,
      ...(values.mode === "delta" ? { delta: amount } : { set: amount }),
    });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      ctx.addIssue({
        code: "custom",
        message: issue.message,
        path: [field === "delta" || field === "set" ? "amount" : field],
      });
    }
    return z.NEVER;
  });
}
