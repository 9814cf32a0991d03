"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type RouterOutputs, variantTitle } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { apiFailureOf } from "~/lib/api-error";
import { useTRPC } from "~/lib/trpc-client";
import { parseVariantRows, rowFieldOf, type VariantRow } from "~/lib/variant-grid-form";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/form-field";

type Product = RouterOutputs["product"]["byId"];

const AddVariantFields = z.object({
  options: z.record(z.string(), z.string()),
  sku: z.string(),
  price: z.string(),
  stock: z.string(),
});
type AddVariantValues = z.infer<typeof AddVariantFields>;
const FIELD: Record<string, keyof AddVariantValues> = { sku: "sku", price: "price", stock: "stock" };

/** One more variant of an existing product: a value of each option, a SKU (or the default), price and stock. */
export function AddVariantForm({ product }: { product: Product }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const add = useMutation(trpc.product.addVariant.mutationOptions());
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      AddVariantFields.transform((values, ctx) => {
        const { rows, problems } = parseVariantRows(
          [{ ...values, id: "", version: -1, title: "", compareAtPrice: "", active: true }],
          product.options,
          product.currency,
        );
        if (problems.length === 0) return rows[0]!;
        for (const problem of problems)
          ctx.addIssue({ code: "custom", message: problem.message, path: [FIELD[problem.field] ?? "sku"] });
        return z.NEVER;
      }),
    [product.options, product.currency],
  );
  const firstValues = () =>
    Object.fromEntries(product.options.map((option) => [option.name, option.values[0] ?? ""]));
  const form = useForm<AddVariantValues, unknown, VariantRow>({
    resolver: zodResolver(schema),
    defaultValues: { options: firstValues(), sku: "", price: "", stock: "0" },
  });
  const { errors } = form.formState;

  async function submit(row: VariantRow) {
    setFailure(null);
    try {
      await add.mutateAsync({
        productId: product.id,
        variant: { options: row.options, sku: row.sku, priceCents: row.priceCents, stock: row.stock },
      });
      notify(`${variantTitle(product.options.map((option) => row.options[option.name] ?? ""))} added`);
      form.reset({ options: firstValues(), sku: "", price: "", stock: "0" });
      setOpen(false);
      router.refresh();
    } catch (error) {
      const api = apiFailureOf(error, "Could not add the variant");
      const field = api.message.startsWith("SKU")
        ? "sku"
        : FIELD[rowFieldOf(api.issues[0]?.path.split(".").at(-1))];
      if (field) form.setError(field, { message: api.message });
      else setFailure(api.message);
    }
  }

  if (!open)
    return (
      <Button variant="secondary" className="self-start" onClick={() => setOpen(true)}>
        Add variant
      </Button>
    );
  return (
    <form
      noValidate
      aria-label="Add variant"
      className="flex flex-col gap-3 rounded-card border border-line bg-surface p-4"
      onSubmit={form.handleSubmit(submit)}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        {product.options.map((option, index) => (
          <SelectField
            key={option.name}
            id={`new-variant-option-${index}`}
            label={option.name}
            registration={form.register(`options.${option.name}`)}
            options={option.values.map((value) => ({ value, label: value }))}
          />
        ))}
        <TextField
          id="new-variant-sku"
          label="SKU"
          hint="Leave empty to make one from the slug"
          registration={form.register("sku")}
          error={errors.sku?.message}
        />
        <TextField
          id="new-variant-price"
          label="Price"
          type="number"
          inputMode="decimal"
          registration={form.register("price")}
          error={errors.price?.message}
        />
        <TextField
          id="new-variant-stock"
          label="Opening stock"
          type="number"
          inputMode="numeric"
          registration={form.register("stock")}
          error={errors.stock?.message}
        />
      </div>
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Add variant
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
