"use client";

import { type AddressInput, MAX_ADDRESSES_PER_USER, type RouterOutputs } from "@stockroom/api/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { MapPin, Pencil, Star, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { addressLine } from "./address-fields";
import { AddressForm } from "./address-form";

type Address = RouterOutputs["auth"]["addresses"]["list"][number];

function nameOf(address: Address): string {
  return address.label ?? address.street;
}

/** The shopper's saved addresses: add, edit, delete (after a confirmation) and choose the default. */
export function AddressBook({ initial }: { initial: Address[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const list = useQuery({ ...trpc.auth.addresses.list.queryOptions(), initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.addresses.list.queryKey() });
  const create = useMutation(trpc.auth.addresses.create.mutationOptions());
  const update = useMutation(trpc.auth.addresses.update.mutationOptions());
  const setDefault = useMutation(trpc.auth.addresses.setDefault.mutationOptions());
  const remove = useMutation(trpc.auth.addresses.remove.mutationOptions());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const addresses = list.data;
  const full = addresses.length >= MAX_ADDRESSES_PER_USER;

  const failed = (error: unknown, what: string) =>
    notify(error instanceof TRPCClientError ? error.message : `Could not ${what}. Try again.`, "error");

  async function add(values: AddressInput) {
    await create.mutateAsync(values);
    await refresh();
    setAdding(false);
    notify("Address added");
  }

  async function save(id: string, values: AddressInput) {
    await update.mutateAsync({ id, ...values });
    await refresh();
    setEditing(null);
    notify("Address saved");
  }

  async function makeDefault(address: Address) {
    try {
      await setDefault.mutateAsync({ id: address.id });
      await refresh();
      notify(`${nameOf(address)} is now your default address`);
    } catch (error) {
      failed(error, "change the default address");
    }
  }

  async function erase(address: Address) {
    try {
      await remove.mutateAsync({ id: address.id });
      await refresh();
      notify("Address deleted");
    } catch (error) {
      failed(error, "delete the address");
    }
  }

  return (
    <div className="flex flex-col gap-4">
      {addresses.length === 0 ? (
        <div className="flex flex-col items-start gap-2 rounded-card border border-line bg-surface p-4">
          <MapPin aria-hidden="true" className="size-5 text-muted" />
          <p className="text-ink">No saved addresses yet.</p>
          <p className="text-sm text-muted">
            Add one here, or place an order: its address is saved for your next checkout.
          </p>
        </div>
      ) : (
        <ul aria-label="Saved addresses" className="flex flex-col gap-3">
          {addresses.map((address) =>
            editing === address.id ? (
              <li key={address.id}>
                <AddressForm
                  idPrefix={`edit-${address.id}`}
                  title={`Edit ${nameOf(address)}`}
                  initial={{ ...address, label: address.label ?? "", isDefault: false }}
                  submitLabel="Save address"
                  offerDefault={!address.isDefault}
                  onSave={(values) => save(address.id, values)}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li
                key={address.id}
                className="flex flex-col gap-3 rounded-card border border-line bg-surface p-4 sm:flex-row sm:items-start sm:justify-between"
              >
                <div className="flex flex-col gap-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-ink">
                    {address.label ?? "Address"}
                    {address.isDefault ? <Badge tone="success">Default</Badge> : null}
                  </p>
                  <p className="text-sm text-ink">{addressLine(address)}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setEditing(address.id)}
                    aria-label={`Edit ${addressLine(address)}`}
                  >
                    <Pencil aria-hidden="true" className="size-4" />
                    Edit
                  </Button>
                  {address.isDefault ? null : (
                    <Button
                      variant="secondary"
                      size="sm"
                      disabled={setDefault.isPending}
                      onClick={() => makeDefault(address)}
                      aria-label={`Make default ${addressLine(address)}`}
                    >
                      <Star aria-hidden="true" className="size-4" />
                      Make default
                    </Button>
                  )}
                  <ConfirmDialog
                    title="Delete this address?"
                    description={
                      address.isDefault
                        ? `${addressLine(address)} will be removed from your address book. Your most recently used other address becomes the default. Past orders keep their address.`
                        : `${addressLine(address)} will be removed from your address book. Past orders keep their address.`
                    }
                    confirmLabel="Delete address"
                    destructive
                    onConfirm={() => void erase(address)}
                    trigger={
                      <Button
                        variant="secondary"
                        size="sm"
                        disabled={remove.isPending}
                        aria-label={`Delete ${addressLine(address)}`}
                      >
                        <Trash2 aria-hidden="true" className="size-4" />
                        Delete
                      </Button>
                    }
                  />
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {adding ? (
        <AddressForm
          idPrefix="new-address"
          title="New address"
          submitLabel="Add address"
          offerDefault={addresses.length > 0}
          onSave={add}
          onCancel={() => setAdding(false)}
        />
      ) : full ? (
        <p className="text-sm text-muted">
          Your address book is full ({MAX_ADDRESSES_PER_USER} addresses). Delete one to add another.
        </p>
      ) : (
        <Button className="self-start" onClick={() => setAdding(true)}>
          Add an address
        </Button>
      )}
    </div>
  );
}
