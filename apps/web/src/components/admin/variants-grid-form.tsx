"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@stockroom/api/schemas";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { apiFailureOf } from "~/lib/api-error";
import { useTRPCClient } from "~/lib/trpc-client";
import {
  batchRefusalProblems,
  type RowProblem,
  savedVariantRows,
  typedRowOf,
  type VariantGridValues,
  type VariantRow,
  variantChanges,
  variantGridSchema,
  variantRowsOf,
} from "~/lib/variant-grid-form";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { VariantGrid } from "./variant-grid";

type Product = RouterOutputs["product"]["byId"];
export interface LevelOfVariant {
  variantId: string;
  onHand: number;
  version: number;
}

interface StockOutcome {
  saved: VariantRow;
  problem: string | null;
}

/**
 * An existing product's variants, many edited at once. Saving sends every changed variant in one
 * updateVariants call, all or nothing (so two SKUs can be swapped); refused, nothing is saved and the
 * rows it names are marked. Then one adjustment per changed stock (to the typed level, naming the
 * version read; the inventory service is the only writer of stock) and the new order.
 */
export function VariantsGridForm({ product, levels }: { product: Product; levels: LevelOfVariant[] }) {
  const client = useTRPCClient();
  const router = useRouter();
  const notify = useToast();
  const levelMap = useMemo(() => new Map(levels.map((level) => [level.variantId, level])), [levels]);
  const saved = useRef(savedVariantRows(product, levelMap));
  const savedOrder = useRef(product.variants.map((variant) => variant.id).join());
  const [failure, setFailure] = useState<string | null>(null);
  const schema = useMemo(
    () => variantGridSchema(product.options, product.currency),
    [product.options, product.currency],
  );
  const form = useForm<VariantGridValues, unknown, VariantRow[]>({
    resolver: zodResolver(schema),
    defaultValues: { variants: variantRowsOf(product, levelMap) },
  });
  const rows = useFieldArray({ control: form.control, name: "variants" });
  const { errors } = form.formState;

  function markRows(problems: readonly RowProblem[]) {
    for (const problem of problems)
      form.setError(`variants.${problem.index}.${problem.field}` as `variants.${number}.sku`, {
        message: problem.message,
      });
  }

  async function adjustStock(row: VariantRow, stock: number): Promise<StockOutcome> {
    const before = saved.current.get(row.id)!;
    try {
      const result = await client.inventory.adjust.mutate({
        variantId: row.id,
        set: stock,
        reason: "adjustment",
        expectedVersion: before.version,
      });
      return { saved: { ...row, stock: result.onHand, version: result.version }, problem: null };
    } catch (error) {
      const api = apiFailureOf(error, "Could not adjust the stock");
      const now = api.details as { onHand?: number; version?: number } | undefined;
      // Someone moved the level: show it as it is now (with its version), for the user to review.
      if (api.status === 409 && typeof now?.onHand === "number" && typeof now.version === "number")
        return { saved: { ...row, stock: now.onHand, version: now.version }, problem: api.message };
      return { saved: row, problem: api.message };
    }
  }

  async function save(parsed: VariantRow[]) {
    setFailure(null);
    const typed = form.getValues("variants");
    const changes = parsed.map((row) => variantChanges(saved.current.get(row.id)!, row));
    const patches = parsed.flatMap((row, index) => {
      const patch = changes[index]!.patch;
      return patch ? [{ id: row.id, patch }] : [];
    });
    const order = parsed.map((row) => row.id);
    const reordered = order.join() !== savedOrder.current;
    if (patches.length === 0 && changes.every((change) => change.stock === null) && !reordered) {
      notify("Nothing to save");
      return;
    }
    if (patches.length > 0) {
      try {
        await client.product.updateVariants.mutate({ productId: product.id, variants: patches });
      } catch (error) {
        const api = apiFailureOf(error, "Could not save the variants");
        markRows(
          batchRefusalProblems(
            api,
            typed,
            patches.map((entry) => entry.id),
          ),
        );
        setFailure(`Nothing was saved: ${api.message}`);
        return;
      }
    }
    // The variants' fields are saved; each stock level is its own change.
    const outcomes = await Promise.all(
      parsed.map((row, index) => {
        const before = saved.current.get(row.id)!;
        const fields = { ...row, stock: before.stock, version: before.version };
        const stock = changes[index]!.stock;
        return stock === null ? { saved: fields, problem: null } : adjustStock(fields, stock);
      }),
    );
    let orderFailure: string | null = null;
    if (reordered) {
      try {
        await client.product.reorderVariants.mutate({ productId: product.id, variantIds: order });
        savedOrder.current = order.join();
      } catch (error) {
        orderFailure = apiFailureOf(error, "Could not save the new order").message;
      }
    }
    for (const outcome of outcomes) saved.current.set(outcome.saved.id, outcome.saved);
    form.reset({
      variants: outcomes.map((outcome, index) =>
        typedRowOf(outcome.saved, typed[index]!.title, product.currency),
      ),
    });
    const stockProblems = outcomes.flatMap((outcome, index) =>
      outcome.problem ? [{ index, field: "stock" as const, message: outcome.problem }] : [],
    );
    markRows(stockProblems);
    const count = stockProblems.length;
    const stockFailure =
      count === 0
        ? null
        : `The stock of ${count === 1 ? "1 variant was" : `${count} variants were`} not saved: see the rows marked.`;
    if (stockFailure || orderFailure) setFailure([stockFailure, orderFailure].filter(Boolean).join(" "));
    else notify("Variants saved");
    router.refresh();
  }

  return (
    <form noValidate aria-label="Variants" className="flex flex-col gap-3" onSubmit={form.handleSubmit(save)}>
      <VariantGrid
        rows={rows.fields.map((field) => ({ key: field.id, title: field.title }))}
        register={(path) => form.register(path)}
        errorOf={(index, field) => errors.variants?.[index]?.[field]?.message}
        onMove={rows.move}
        skuHint="unique in the shop"
      />
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      ) : null}
      <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Saving…" : "Save variants"}
      </Button>
    </form>
  );
}
