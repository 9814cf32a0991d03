"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";

type Status = "pending" | "paid" | "shipped" | "delivered" | "cancelled";

/** Offers only the transitions the order's status allows. */
export function OrderActions({ orderId, status }: { orderId: string; status: Status }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const transition = useMutation(trpc.order.transition.mutationOptions());
  const cancel = useMutation(trpc.order.cancel.mutationOptions());
  const [tracking, setTracking] = useState("");
  const [error, setError] = useState<string | null>(null);
  const pending = transition.isPending || cancel.isPending;

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      notify(done);
      router.refresh();
    } catch (failure) {
      setError(failure instanceof TRPCClientError ? failure.message : "Could not update the order");
    }
  }

  if (status === "delivered" || status === "cancelled") return null;
  return (
    <section
      aria-label="Order actions"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 text-sm"
    >
      {status === "pending" ? (
        <ConfirmDialog
          title="Mark this order paid?"
          description="Do this once the payment has arrived: the customer is e-mailed that their order is paid."
          confirmLabel="Mark paid"
          onConfirm={() => run(() => transition.mutateAsync({ id: orderId, to: "paid" }), "Marked as paid")}
          trigger={
            <Button type="button" disabled={pending}>
              Mark paid
            </Button>
          }
        />
      ) : null}
      {status === "paid" ? (
        <>
          <label className="flex flex-col gap-1">
            Tracking number
            <input
              value={tracking}
              onChange={(event) => setTracking(event.target.value)}
              className="rounded-md border border-stone-300 px-2 py-1.5"
            />
          </label>
          {tracking.trim().length < 3 ? (
            <Button
              type="button"
              disabled={pending}
              onClick={() => setError("Enter the tracking number to ship")}
            >
              Ship
            </Button>
          ) : (
            <ConfirmDialog
              title="Ship this order?"
              description={`The customer is e-mailed tracking number ${tracking.trim()}.`}
              confirmLabel="Ship"
              onConfirm={() =>
                run(
                  () =>
                    transition.mutateAsync({ id: orderId, to: "shipped", trackingNumber: tracking.trim() }),
                  "Marked as shipped",
                )
              }
              trigger={
                <Button type="button" disabled={pending}>
                  Ship
                </Button>
              }
            />
          )}
        </>
      ) : null}
      {status === "shipped" ? (
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            run(() => transition.mutateAsync({ id: orderId, to: "delivered" }), "Marked as delivered")
          }
        >
          Mark delivered
        </Button>
      ) : null}
      {status === "pending" || status === "paid" ? (
        <ConfirmDialog
          title="Cancel this order?"
          description="Its items go back in stock and the customer is e-mailed. This cannot be undone."
          confirmLabel="Cancel and restock"
          cancelLabel="Keep order"
          destructive
          onConfirm={() => run(() => cancel.mutateAsync({ id: orderId }), "Order cancelled and restocked")}
          trigger={
            <Button
              type="button"
              disabled={pending}
              variant="secondary"
              className="border-red-700 text-red-800 hover:bg-red-50"
            >
              Cancel and restock
            </Button>
          }
        />
      ) : null}
      {error ? (
        <p role="alert" className="w-full rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
    </section>
  );
}
