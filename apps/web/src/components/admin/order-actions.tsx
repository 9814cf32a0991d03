"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
        <button
          type="button"
          disabled={pending}
          className="rounded-md bg-stone-900 px-3 py-2 text-white"
          onClick={() => run(() => transition.mutateAsync({ id: orderId, to: "paid" }), "Marked as paid")}
        >
          Mark paid
        </button>
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
          <button
            type="button"
            disabled={pending}
            className="rounded-md bg-stone-900 px-3 py-2 text-white"
            onClick={() =>
              tracking.trim().length < 3
                ? setError("Enter the tracking number to ship")
                : run(
                    () =>
                      transition.mutateAsync({ id: orderId, to: "shipped", trackingNumber: tracking.trim() }),
                    "Marked as shipped",
                  )
            }
          >
            Ship
          </button>
        </>
      ) : null}
      {status === "shipped" ? (
        <button
          type="button"
          disabled={pending}
          className="rounded-md bg-stone-900 px-3 py-2 text-white"
          onClick={() =>
            run(() => transition.mutateAsync({ id: orderId, to: "delivered" }), "Marked as delivered")
          }
        >
          Mark delivered
        </button>
      ) : null}
      {status === "pending" || status === "paid" ? (
        <button
          type="button"
          disabled={pending}
          className="rounded-md border border-red-700 px-3 py-2 text-red-800"
          onClick={() => {
            if (window.confirm("Cancel this order and put its items back in stock?"))
              void run(() => cancel.mutateAsync({ id: orderId }), "Order cancelled and restocked");
          }}
        >
          Cancel and restock
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="w-full rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
    </section>
  );
}
