"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AddressInput } from "@stockroom/api/schemas";
import { TRPCClientError } from "@trpc/client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "../ui/button";
import { AddressFields, type AddressFieldValues, EMPTY_ADDRESS } from "./address-fields";

export type AddressFormValues = AddressFieldValues & { label?: string; isDefault?: boolean };

/**
 * Add or edit one address of the book, validated with the API's own schema (AddressInput) before
 * anything is sent. A refusal by the API (a duplicate, a full book) is shown above the buttons.
 */
export function AddressForm({
  idPrefix,
  title,
  initial,
  submitLabel,
  offerDefault,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  /** The form's accessible name ("New address", "Edit Home"). */
  title: string;
  initial?: AddressFormValues;
  submitLabel: string;
  /** Whether to show "Make this my default address" (not for the default itself). */
  offerDefault: boolean;
  onSave: (values: AddressInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<AddressFormValues, unknown, AddressInput>({
    resolver: zodResolver(AddressInput),
    defaultValues: { ...EMPTY_ADDRESS, label: "", isDefault: false, ...initial },
  });
  const { errors, isSubmitting } = form.formState;
  const labelError = errors.label?.message;

  async function submit(values: AddressInput) {
    setFailure(null);
    try {
      await onSave(values);
    } catch (error) {
      setFailure(error instanceof TRPCClientError ? error.message : "Could not save the address. Try again.");
    }
  }

  return (
    <form
      noValidate
      aria-label={title}
      className="flex flex-col gap-4 rounded-card border border-line bg-surface p-4"
      onSubmit={form.handleSubmit(submit)}
    >
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${idPrefix}-label`} className="font-medium text-ink">
          Label (optional)
        </label>
        <input
          id={`${idPrefix}-label`}
          type="text"
          placeholder="Home, Office…"
          aria-invalid={labelError ? true : undefined}
          aria-describedby={labelError ? `${idPrefix}-label-error` : undefined}
          className="rounded-control border border-line-strong bg-surface px-3 py-2 text-ink aria-invalid:border-danger"
          {...form.register("label")}
        />
        {labelError ? (
          <span id={`${idPrefix}-label-error`} className="text-danger">
            {labelError}
          </span>
        ) : null}
      </div>
      <AddressFields register={form.register} errors={errors} idPrefix={idPrefix} />
      {offerDefault ? (
        <label className="flex items-center gap-2 text-sm text-ink">
          <input type="checkbox" {...form.register("isDefault")} />
          Make this my default address
        </label>
      ) : null}
      {failure ? (
        <p role="alert" className="rounded-control bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
