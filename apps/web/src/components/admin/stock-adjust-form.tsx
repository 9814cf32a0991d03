"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { AdjustStockData } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { type StockAdjustFormValues, stockAdjustFormSchema } from "~/lib/stock-adjust-form";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/form-field";

const REASONS = [
  { value: "restock", label: "Restock" },
  { value: "adjustment", label: "Adjustment" },
  { value: "return", label: "Return" },
];

/** Adjusts a variant's stock by a change or to a level; refused (with a clear message) if the level moved since the page loaded. */
export function StockAdjustForm({
  variantId,
  variantName,
  version,
  onHand,
}: {
  variantId: string;
  /** Says whose stock this is ("M / Black (SKU TEE-M-BLACK)"), for the form's accessible name. */
  variantName: string;
  version: number;
  onHand: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const adjust = useMutation(trpc.inventory.adjust.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const schema = useMemo(() => stockAdjustFormSchema(variantId, version), [variantId, version]);
  const form = useForm<StockAdjustFormValues, unknown, AdjustStockData>({
    resolver: zodResolver(schema),
    defaultValues: { mode: "delta", amount: "", reason: "restock", note: "" },
  });
  const mode = form.watch("mode");
  const amountError = form.formState.errors.amount?.message;

  async function submit(adjustment: AdjustStockData) {
    setFailure(null);
    try {
      const result = await adjust.mutateAsync(adjustment);
      notify(`Stock is now ${result.onHand}`);
      form.reset({ ...form.getValues(), amount: mode === "set" ? String(result.onHand) : "", note: "" });
      router.refresh();
    } catch (error) {
      setFailure(error instanceof TRPCClientError ? error.message : "Could not adjust the stock");
      // A level that moved is shown as it is now, with its new version, so the next try can succeed.
      if (error instanceof TRPCClientError && error.data?.httpStatus === 409) router.refresh();
    }
  }

  return (
    <form
      noValidate
      aria-label={`Adjust stock of ${variantName}`}
      className="flex max-w-xl flex-col gap-3 rounded-card border border-line bg-surface p-4 text-sm"
      onSubmit={form.handleSubmit(submit)}
    >
      <fieldset className="flex gap-4">
        <legend className="mb-1 font-medium">Adjust by</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            value="delta"
            {...form.register("mode", { onChange: () => form.setValue("amount", "") })}
          />
          Change (+/−)
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            value="set"
            {...form.register("mode", {
              onChange: () => form.setValue("amount", String(onHand)),
            })}
          />
          New level
        </label>
      </fieldset>
      <div className="w-40">
        <TextField
          id="stock-amount"
          label={mode === "delta" ? "Change" : "New level"}
          type="number"
          inputMode="numeric"
          registration={form.register("amount")}
          error={amountError}
        />
      </div>
      <div className="w-48">
        <SelectField
          id="stock-reason"
          label="Reason"
          registration={form.register("reason")}
          options={REASONS}
        />
      </div>
      <TextField
        id="stock-note"
        label="Note"
        registration={form.register("note")}
        error={form.formState.errors.note?.message}
      />
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-danger">
          {failure}
        </p>
      ) : null}
      <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
        Save adjustment
      </Button>
    </form>
  );
}
