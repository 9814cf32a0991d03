"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { CreatePromotion, RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { apiFailureOf } from "~/lib/api-error";
import {
  type PromotionFormValues,
  promotionFieldErrors,
  promotionFormDefaults,
  promotionFormSchema,
  promotionPatchOf,
} from "~/lib/promotion-form";
import { useShopTimeZone } from "~/lib/shop-time-zone";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { Button } from "../ui/button";
import { SelectField, TextAreaField, TextField } from "../ui/form-field";

type Promotion = RouterOutputs["promotion"]["byCode"];

const TYPE_OPTIONS = [
  { value: "percentage", label: "Percentage" },
  { value: "fixed", label: "Fixed amount" },
  { value: "free_shipping", label: "Free shipping" },
];

/** A datetime-local input registered with react-hook-form, in the form-field frame's look. */
function DateTimeField({
  id,
  label,
  hint,
  error,
  registration,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  registration: ReturnType<ReturnType<typeof useForm<PromotionFormValues>>["register"]>;
}) {
  const describedBy = [error ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-control border border-line-strong bg-surface px-3 py-2 aria-invalid:border-danger"
        {...registration}
      />
      <span id={`${id}-hint`} className="text-muted">
        {hint}
      </span>
      {error ? (
        <span id={`${id}-error`} className="text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/**
 * Create or edit a discount code, checked with the API's own schema (over the typed percent, dollars
 * and shop-zone times) before anything is sent; the API's refusals land on their fields.
 */
export function PromotionForm({ promotion }: { promotion?: Promotion }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const timeZone = useShopTimeZone();
  const create = useMutation(trpc.promotion.create.mutationOptions());
  const update = useMutation(trpc.promotion.update.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const schema = useMemo(
    () => promotionFormSchema(timeZone, promotion?.currency),
    [timeZone, promotion?.currency],
  );
  const form = useForm<PromotionFormValues, unknown, CreatePromotion>({
    resolver: zodResolver(schema),
    defaultValues: promotionFormDefaults(promotion, timeZone),
  });
  const { errors } = form.formState;
  const type = form.watch("type");

  async function submit(data: CreatePromotion) {
    setFailure(null);
    try {
      if (promotion) {
        await update.mutateAsync(promotionPatchOf(promotion.code, data));
        notify(`${promotion.code} saved`);
        form.reset(form.getValues());
        router.refresh();
      } else {
        const created = await create.mutateAsync(data);
        notify(`${created.code} created`);
        router.push(`/admin/promotions/${encodeURIComponent(created.code)}`);
      }
    } catch (error) {
      const api = apiFailureOf(error, "Could not save the promotion");
      const fieldErrors = promotionFieldErrors(api);
      for (const { field, message } of fieldErrors) form.setError(field, { message }, { shouldFocus: true });
      setFailure(fieldErrors.length > 0 ? "Correct the fields marked above" : api.message);
    }
  }

  return (
    <form
      noValidate
      aria-label={promotion ? "Edit promotion" : "New promotion"}
      className="flex max-w-xl flex-col gap-4 rounded-card border border-line bg-surface p-4"
      onSubmit={form.handleSubmit(submit, (invalid) => {
        // A stored code is not shown as a field, so a refusal of it is said here.
        if (promotion && invalid.code?.message) setFailure(invalid.code.message);
      })}
    >
      {promotion ? null : (
        <TextField
          id="promotion-code"
          label="Code"
          hint="3–40 letters, digits, - or _; stored in capitals"
          registration={form.register("code")}
          error={errors.code?.message}
        />
      )}
      <TextAreaField
        id="promotion-description"
        label="Description"
        rows={2}
        registration={form.register("description")}
        error={errors.description?.message}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          id="promotion-type"
          label="Type"
          registration={form.register("type")}
          error={errors.type?.message}
          options={TYPE_OPTIONS}
        />
        {type === "free_shipping" ? null : (
          <TextField
            id="promotion-value"
            label={type === "percentage" ? "Percentage off" : "Amount off"}
            hint={type === "percentage" ? "In percent, such as 12.5" : `In ${promotion?.currency ?? "USD"}`}
            inputMode="decimal"
            registration={form.register("value")}
            error={errors.value?.message}
          />
        )}
        <TextField
          id="promotion-minimum"
          label="Minimum subtotal"
          hint="Empty: any order"
          inputMode="decimal"
          registration={form.register("minimumSubtotal")}
          error={errors.minimumSubtotal?.message}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <DateTimeField
          id="promotion-starts"
          label="Starts"
          hint={`Empty: now (${timeZone})`}
          registration={form.register("startsAt")}
          error={errors.startsAt?.message}
        />
        <DateTimeField
          id="promotion-ends"
          label="Ends"
          hint={`Empty: never (${timeZone})`}
          registration={form.register("endsAt")}
          error={errors.endsAt?.message}
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          id="promotion-usage-limit"
          label="Usage limit"
          hint="Orders in total; empty: no limit"
          inputMode="numeric"
          registration={form.register("usageLimit")}
          error={errors.usageLimit?.message}
        />
        <TextField
          id="promotion-per-customer-limit"
          label="Per-customer limit"
          hint="Orders per customer; empty: no limit"
          inputMode="numeric"
          registration={form.register("perCustomerLimit")}
          error={errors.perCustomerLimit?.message}
        />
      </div>
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-danger">
          {failure}
        </p>
      ) : null}
      <Button type="submit" className="self-start" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Saving…" : promotion ? "Save promotion" : "Create promotion"}
      </Button>
    </form>
  );
}
