"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { OptionData, RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { apiFailureOf, problemsOf } from "~/lib/api-error";
import { OptionsFormSchema, type OptionsFormValues, optionRowsOf } from "~/lib/product-options-form";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { ProductOptionsFields } from "./product-options-fields";

type Product = RouterOutputs["product"]["byId"];

/**
 * An existing product's options. "Generate variants" saves them and adds every missing combination
 * (no stock, the product's lowest price); "Save options" only saves them (new values, renamed ones).
 */
export function ProductOptionsForm({ product }: { product: Product }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const setOptions = useMutation(trpc.product.setOptions.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<OptionsFormValues, unknown, OptionData[]>({
    resolver: zodResolver(OptionsFormSchema),
    defaultValues: { options: optionRowsOf(product.options) },
  });
  const rows = useFieldArray({ control: form.control, name: "options" });
  const { errors } = form.formState;

  const save = (generate: boolean) =>
    form.handleSubmit(async (options) => {
      setFailure(null);
      try {
        const after = await setOptions.mutateAsync({ productId: product.id, options, generate });
        const added = after.variants.length - product.variants.length;
        notify(
          generate
            ? added > 0
              ? `${added} ${added === 1 ? "variant" : "variants"} generated`
              : "Options saved; every combination already has a variant"
            : "Options saved",
        );
        form.reset({ options: optionRowsOf(after.options) });
        router.refresh();
      } catch (error) {
        const api = apiFailureOf(error, "Could not save the options");
        for (const problem of problemsOf(api))
          if (problem.path[0] === "options" && problem.path[1] !== undefined)
            form.setError(
              `options.${Number(problem.path[1])}.${problem.path[2] === "name" ? "name" : "values"}`,
              {
                message: problem.message,
              },
            );
        setFailure(api.message);
      }
    });

  return (
    <form
      noValidate
      aria-label="Options"
      className="flex flex-col gap-3 rounded-card border border-line bg-surface p-4"
      onSubmit={save(true)}
    >
      <ProductOptionsFields
        rows={rows.fields.map((field) => ({ key: field.id }))}
        register={(path) => form.register(path)}
        errorOf={(index, field) => errors.options?.[index]?.[field]?.message}
        onAdd={() => rows.append({ name: "", values: "" })}
        onRemove={rows.remove}
        listError={errors.options?.message ?? errors.options?.root?.message}
      />
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      ) : null}
      {rows.fields.length > 0 || product.options.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={form.formState.isSubmitting}>
            Generate variants
          </Button>
          <Button variant="secondary" disabled={form.formState.isSubmitting} onClick={save(false)}>
            Save options
          </Button>
        </div>
      ) : null}
    </form>
  );
}
