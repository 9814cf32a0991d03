"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { allCombinations, type CreateProductData, type RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { apiFailureOf, problemsOf } from "~/lib/api-error";
import { ProductFormSchema, type ProductFormValues, productFormDefaults } from "~/lib/product-form";
import { optionRowProblems } from "~/lib/product-options-form";
import { useTRPC } from "~/lib/trpc-client";
import { generatedRows, rowFieldOf, takenSkuProblems, type VariantRowField } from "~/lib/variant-grid-form";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { SelectField, TextAreaField, TextField } from "../ui/form-field";
import { ProductOptionsFields } from "./product-options-fields";
import { VariantGrid } from "./variant-grid";

type Product = RouterOutputs["product"]["byId"];
type Category = RouterOutputs["product"]["categories"][number];

/**
 * Create or edit a product; validated with the API's own schema before anything is sent. A new product
 * may have options, whose variants are generated into a grid; an existing one's are edited below it.
 */
export function ProductForm({ product, categories }: { product?: Product; categories: Category[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const create = useMutation(trpc.product.create.mutationOptions());
  const update = useMutation(trpc.product.update.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ProductFormValues, unknown, CreateProductData>({
    resolver: zodResolver(ProductFormSchema),
    defaultValues: productFormDefaults(product),
  });
  const options = useFieldArray({ control: form.control, name: "options" });
  const variants = useFieldArray({ control: form.control, name: "variants" });
  const { errors } = form.formState;
  // An existing product's price lives on its variants once it has several (the API refuses it here).
  const hasVariants = product
    ? product.options.length > 0 || product.variants.length > 1
    : options.fields.length > 0;

  function generateVariants() {
    const { options: defined, problems } = optionRowProblems(form.getValues("options"));
    form.clearErrors("options");
    for (const problem of problems)
      form.setError(problem.path.join(".") as `options.${number}.name`, { message: problem.message });
    if (problems.length > 0) return;
    const names = defined.map((option) => option.name);
    variants.replace(
      generatedRows(allCombinations(defined), names, form.getValues("variants"), {
        price: form.getValues("price"),
        stock: form.getValues("stock"),
      }),
    );
    form.clearErrors("variants");
  }

  async function submit(data: CreateProductData) {
    setFailure(null);
    try {
      if (product) {
        const { stock: _stock, options: _options, variants: _variants, priceCents, ...rest } = data;
        const patch = hasVariants ? rest : { ...rest, priceCents };
        await update.mutateAsync({ id: product.id, patch });
        notify("Product saved");
        form.reset(form.getValues());
        router.refresh();
      } else {
        const created = await create.mutateAsync(data);
        notify(`${created.name} created`);
        router.push(`/admin/products/${created.id}`);
      }
    } catch (error) {
      const api = apiFailureOf(error, "Could not save the product");
      const rowProblems = [
        ...problemsOf(api),
        ...api.issues.map((issue) => ({ path: issue.path.split("."), message: issue.message })),
      ].filter((problem) => problem.path[0] === "variants" && problem.path[1] !== undefined);
      for (const problem of rowProblems)
        form.setError(
          `variants.${Number(problem.path[1])}.${rowFieldOf(problem.path[2])}` as `variants.${number}.sku`,
          {
            message: problem.message,
          },
        );
      // A SKU another product has (a 409 naming it) is marked on the row that holds it.
      for (const problem of takenSkuProblems(api.details, form.getValues("variants")))
        form.setError(`variants.${problem.index}.sku`, { message: problem.message });
      setFailure(api.message);
    }
  }

  const rowError = (index: number, field: VariantRowField) => errors.variants?.[index]?.[field]?.message;
  return (
    <form
      noValidate
      aria-label={product ? "Edit product" : "New product"}
      className="flex max-w-4xl flex-col gap-4 rounded-card border border-line bg-surface p-4"
      onSubmit={form.handleSubmit(submit)}
    >
      <div className="flex max-w-xl flex-col gap-4">
        <TextField
          id="product-name"
          label="Name"
          registration={form.register("name")}
          error={errors.name?.message}
        />
        <TextField
          id="product-slug"
          label="Slug"
          hint="Leave empty to derive it from the name"
          registration={form.register("slug")}
          error={errors.slug?.message}
        />
        <TextAreaField
          id="product-description"
          label="Description"
          registration={form.register("description")}
          error={errors.description?.message}
        />
        <div className="grid grid-cols-2 gap-3">
          {hasVariants ? null : (
            <TextField
              id="product-price"
              label="Price"
              type="number"
              inputMode="decimal"
              registration={form.register("price")}
              error={errors.price?.message}
            />
          )}
          <TextField
            id="product-currency"
            label="Currency"
            registration={form.register("currency")}
            error={errors.currency?.message}
          />
          {product || hasVariants ? null : (
            <TextField
              id="product-stock"
              label="Opening stock"
              type="number"
              inputMode="numeric"
              registration={form.register("stock")}
              error={errors.stock?.message}
            />
          )}
          <TextField
            id="product-threshold"
            label="Low-stock threshold"
            type="number"
            inputMode="numeric"
            registration={form.register("lowStockThreshold")}
            error={errors.lowStockThreshold?.message}
          />
        </div>
        <SelectField
          id="product-category"
          label="Category"
          registration={form.register("categoryId")}
          error={errors.categoryId?.message}
          options={[
            { value: "", label: "No category" },
            ...categories.map((category) => ({ value: category.id, label: category.name })),
          ]}
        />
        <TextField
          id="product-image"
          label="Image URL"
          registration={form.register("imageUrl")}
          error={errors.imageUrl?.message}
        />
      </div>
      {product ? null : (
        <div className="flex flex-col gap-3 border-t border-line pt-4">
          <ProductOptionsFields
            rows={options.fields.map((field) => ({ key: field.id }))}
            register={(path) => form.register(path)}
            errorOf={(index, field) => errors.options?.[index]?.[field]?.message}
            onAdd={() => options.append({ name: "", values: "" })}
            onRemove={(index) => {
              options.remove(index);
              if (options.fields.length === 1) variants.replace([]);
            }}
            listError={errors.options?.root?.message ?? errors.options?.message}
          />
          {options.fields.length > 0 ? (
            <>
              <Button variant="secondary" className="self-start" onClick={generateVariants}>
                Generate variants
              </Button>
              {(errors.variants?.message ?? errors.variants?.root?.message) ? (
                <p role="alert" className="text-sm text-danger">
                  {errors.variants?.message ?? errors.variants?.root?.message}
                </p>
              ) : null}
              {variants.fields.length > 0 ? (
                <VariantGrid
                  rows={variants.fields.map((field) => ({ key: field.id, title: field.title }))}
                  register={(path) => form.register(path)}
                  errorOf={rowError}
                  onMove={variants.move}
                  onRemove={variants.remove}
                  skuHint="blank: made from the slug"
                />
              ) : null}
            </>
          ) : null}
        </div>
      )}
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      ) : null}
      <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Saving…" : product ? "Save product" : "Create product"}
      </Button>
    </form>
  );
}
