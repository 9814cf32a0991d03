"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";

/** Adjusts stock by a change or to a level; refused (with a clear message) if the level moved since the page loaded. */
export function StockAdjustForm({
  productId,
  version,
  onHand,
}: {
  productId: string;
  version: number;
  onHand: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const adjust = useMutation(trpc.inventory.adjust.mutationOptions());
  const [mode, setMode] = useState<"delta" | "set">("delta");
  const [error, setError] = useState<string | null>(null);

  async function submit(form: FormData) {
    const amount = Number(form.get("amount"));
    const reason = String(form.get("reason")) as "restock" | "adjustment" | "return";
    const note = String(form.get("note") ?? "").trim() || undefined;
    if (!Number.isInteger(amount) || (mode === "delta" && amount === 0) || (mode === "set" && amount < 0)) {
      setError(
        mode === "delta" ? "Enter a whole number other than zero" : "Enter a whole number of zero or more",
      );
      return;
    }
    setError(null);
    try {
      const result = await adjust.mutateAsync({
        productId,
        reason,
        note,
        expectedVersion: version,
        ...(mode === "delta" ? { delta: amount } : { set: amount }),
      });
      notify(`Stock is now ${result.onHand}`);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof TRPCClientError ? failure.message : "Could not adjust the stock");
    }
  }

  return (
    <form
      noValidate
      aria-label="Adjust stock"
      className="flex max-w-xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <fieldset className="flex gap-4">
        <legend className="mb-1 font-medium">Adjust by</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" checked={mode === "delta"} onChange={() => setMode("delta")} />
          Change (+/−)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="mode" checked={mode === "set"} onChange={() => setMode("set")} />
          New level
        </label>
      </fieldset>
      <label className="flex flex-col gap-1">
        {mode === "delta" ? "Change" : "New level"}
        <input
          name="amount"
          type="number"
          defaultValue={mode === "set" ? onHand : undefined}
          className="w-32 rounded-md border border-stone-300 px-2 py-1.5"
        />
      </label>
      <label className="flex flex-col gap-1">
        Reason
        <select
          name="reason"
          defaultValue="restock"
          className="w-48 rounded-md border border-stone-300 px-2 py-1.5"
        >
          <option value="restock">Restock</option>
          <option value="adjustment">Adjustment</option>
          <option value="return">Return</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Note
        <input name="note" className="rounded-md border border-stone-300 px-2 py-1.5" />
      </label>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={adjust.isPending}
        className="self-start rounded-md bg-stone-900 px-4 py-2 text-white disabled:opacity-50"
      >
        Save adjustment
      </button>
    </form>
  );
}
