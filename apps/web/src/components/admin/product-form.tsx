"use client";

import {
  CreateProductInput,
  DEFAULT_CURRENCY,
  isCurrencyCode,
  type RouterOutputs,
  roundToMinorUnits,
  toMajorUnits,
} from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc-client";
import { Field } from "../auth-form";
import { useToast } from "../toaster";

type Product = RouterOutputs["product"]["byId"];
type Category = RouterOutputs["product"]["categories"][number];

/** Create or edit a product; validated with the API's own schema before anything is sent. */
export function ProductForm({ product, categories }: { product?: Product; categories: Category[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const create = useMutation(trpc.product.create.mutationOptions());
  const update = useMutation(trpc.product.update.mutationOptions());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const price = Number(text("price"));
    const currency = text("currency") || DEFAULT_CURRENCY;
    // The price is typed in the currency's major units (yen have no cents); a malformed code is refused
    // by the schema below, so its price is read as the shop currency's meanwhile.
    const priceCurrency = isCurrencyCode(currency) ? currency : DEFAULT_CURRENCY;
    const candidate = {
      name: text("name"),
      slug: text("slug") || undefined,
      description: text("description"),
      priceCents: Number.isFinite(price) ? roundToMinorUnits(price, priceCurrency) : Number.NaN,
      currency,
      categoryId: text("categoryId") || null,
      imageUrl: text("imageUrl") || null,
      lowStockThreshold: Number(text("lowStockThreshold") || "5"),
      stock: product ? 0 : Number(text("stock") || "0"),
    };
    const parsed = CreateProductInput.safeParse(candidate);
    if (!parsed.success) {
      const fieldNames: Record<string, string> = { priceCents: "price" };
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [
            fieldNames[String(issue.path[0])] ?? String(issue.path[0]),
            issue.message,
          ]),
        ),
      );
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      if (product) {
        const { stock: _stock, ...patch } = parsed.data;
        await update.mutateAsync({ id: product.id, patch });
        notify("Product saved");
        router.refresh();
      } else {
        const created = await create.mutateAsync(parsed.data);
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
      className="flex max-w-xl flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(new FormData(event.currentTarget));
      }}
    >
      <Field id="product-name" name="name" label="Name" defaultValue={product?.name} error={errors.name} />
      <Field
        id="product-slug"
        name="slug"
        label="Slug"
        defaultValue={product?.slug}
        hint="Leave empty to derive it from the name"
        error={errors.slug}
      />
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="product-description" className="font-medium">
          Description
        </label>
        <textarea
          id="product-description"
          name="description"
          rows={4}
          defaultValue={product?.description}
          className="rounded-md border border-stone-300 px-3 py-2"
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <Field
          id="product-price"
          name="price"
          label="Price"
          type="number"
          defaultValue={product ? String(toMajorUnits(product.priceCents, product.currency)) : undefined}
          error={errors.price}
        />
        <Field
          id="product-currency"
          name="currency"
          label="Currency"
          defaultValue={product?.currency ?? DEFAULT_CURRENCY}
          error={errors.currency}
        />
        {product ? null : (
          <Field
            id="product-stock"
            name="stock"
            label="Opening stock"
            type="number"
            defaultValue="0"
            error={errors.stock}
          />
        )}
        <Field
          id="product-threshold"
          name="lowStockThreshold"
          label="Low-stock threshold"
          type="number"
          defaultValue={String(product?.lowStockThreshold ?? 5)}
          error={errors.lowStockThreshold}
        />
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor="product-category" className="font-medium">
          Category
        </label>
        <select
          id="product-category"
          name="categoryId"
          defaultValue={product?.category?.id ?? ""}
          className="rounded-md border border-stone-300 px-3 py-2"
        >
          <option value="">No category</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="product-image"
        name="imageUrl"
        label="Image URL"
        defaultValue={product?.imageUrl ?? undefined}
        error={errors.imageUrl}
      />
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={create.isPending || update.isPending}
        className="self-start rounded-md bg-stone-900 px-4 py-2 text-white disabled:opacity-50"
      >
        {product ? "Save product" : "Create product"}
      </button>
    </form>
  );
}
