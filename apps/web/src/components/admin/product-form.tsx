"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { CreateProductData, RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ProductFormSchema, type ProductFormValues, productFormDefaults } from "~/lib/product-form";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { SelectField, TextAreaField, TextField } from "../ui/form-field";

type Product = RouterOutputs["product"]["byId"];
type Category = RouterOutputs["product"]["categories"][number];

/** Create or edit a product; validated with the API's own schema before anything is sent. */
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
  const { errors } = form.formState;

  async function submit(data: CreateProductData) {
    setFailure(null);
    try {
      if (product) {
        const { stock: _stock, ...patch } = data;
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
      setFailure(error instanceof TRPCClientError ? error.message : "Could not save the product");
    }
  }

  return (
    <form
      noValidate
      aria-label={product ? "Edit product" : "New product"}
      className="flex max-w-xl flex-col gap-4 rounded-card border border-line bg-surface p-4"
      onSubmit={form.handleSubmit(submit)}
    >
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
        <TextField
          id="product-price"
          label="Price"
          type="number"
          inputMode="decimal"
          registration={form.register("price")}
          error={errors.price?.message}
        />
        <TextField
          id="product-currency"
          label="Currency"
          registration={form.register("currency")}
          error={errors.currency?.message}
        />
        {product ? null : (
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
