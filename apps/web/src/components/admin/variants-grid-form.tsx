"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { RouterOutputs } from "@stockroom/api/schemas";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { apiFailureOf } from "~/lib/api-error";
import { useTRPCClient } from "~/lib/trpc-client";
import {
  rowFieldOf,
  savedVariantRows,
  typedRowOf,
  type VariantGridValues,
  type VariantRow,
  type VariantRowField,
  type VariantRowValues,
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

interface RowOutcome {
  saved: VariantRow;
  /** What the grid shows after the save: the saved row, or what was typed where it failed. */
  shown: VariantRowValues;
  problems: { field: VariantRowField; message: string }[];
}

/**
 * An existing product's variants, many edited at once. Saving sends one updateVariant per changed
 * variant and one adjustment (to the typed level, naming the version read) per changed stock, then
 * the new order; each refusal is shown on its row, and the rows that saved stay saved.
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

  async function saveRow(row: VariantRow, typed: VariantRowValues): Promise<RowOutcome> {
    const before = saved.current.get(row.id)!;
    const { patch, stock } = variantChanges(before, row);
    const outcome: RowOutcome = { saved: { ...before }, shown: typed, problems: [] };
    let patchFailed = false;
    if (patch) {
      try {
        await client.product.updateVariant.mutate({ id: row.id, patch });
        outcome.saved = { ...row, stock: before.stock, version: before.version };
      } catch (error) {
        patchFailed = true;
        const api = apiFailureOf(error, "Could not save this variant");
        const issue = api.issues[0];
        const field = issue
          ? rowFieldOf(issue.path.split(".")[1])
          : api.message.startsWith("SKU")
            ? "sku"
            : "title";
        outcome.problems.push({ field, message: issue?.message ?? api.message });
      }
    }
    if (stock !== null) {
      try {
        const result = await client.inventory.adjust.mutate({
          variantId: row.id,
          set: stock,
          reason: "adjustment",
          expectedVersion: before.version,
        });
        outcome.saved = { ...outcome.saved, stock: result.onHand, version: result.version };
      } catch (error) {
        const api = apiFailureOf(error, "Could not adjust the stock");
        const now = api.details as { onHand?: number; version?: number } | undefined;
        // Someone moved the level: show it as it is now (with its version), for the user to review.
        if (api.status === 409 && typeof now?.onHand === "number" && typeof now.version === "number")
          outcome.saved = { ...outcome.saved, stock: now.onHand, version: now.version };
        outcome.problems.push({ field: "stock", message: api.message });
      }
    }
    const shownSaved = typedRowOf(outcome.saved, typed.title, product.currency);
    outcome.shown = patchFailed
      ? { ...typed, stock: shownSaved.stock, version: shownSaved.version }
      : shownSaved;
    return outcome;
  }

  async function save(parsed: VariantRow[]) {
    setFailure(null);
    const typed = form.getValues("variants");
    const changed = parsed.some((row) => {
      const { patch, stock } = variantChanges(saved.current.get(row.id)!, row);
      return patch !== null || stock !== null;
    });
    const order = parsed.map((row) => row.id);
    const reordered = order.join() !== savedOrder.current;
    if (!changed && !reordered) {
      notify("Nothing to save");
      return;
    }
    const outcomes = await Promise.all(parsed.map((row, index) => saveRow(row, typed[index]!)));
    if (reordered) {
      try {
        await client.product.reorderVariants.mutate({ productId: product.id, variantIds: order });
        savedOrder.current = order.join();
      } catch (error) {
        setFailure(apiFailureOf(error, "Could not save the new order").message);
      }
    }
    for (const outcome of outcomes) saved.current.set(outcome.saved.id, outcome.saved);
    form.reset({ variants: outcomes.map((outcome) => outcome.shown) });
    const failed = outcomes.flatMap((outcome, index) =>
      outcome.problems.map((problem) => ({ ...problem, index })),
    );
    for (const problem of failed)
      form.setError(`variants.${problem.index}.${problem.field}` as `variants.${number}.sku`, {
        message: problem.message,
      });
    if (failed.length > 0) {
      const count = new Set(failed.map((problem) => problem.index)).size;
      setFailure(
        `${count === 1 ? "1 variant was" : `${count} variants were`} not saved: see the rows marked.`,
      );
    } else notify("Variants saved");
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
