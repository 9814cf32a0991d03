"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "./toaster";

export function CancelOrderButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const cancel = useMutation(trpc.order.cancel.mutationOptions());
  return (
    <button
      type="button"
      disabled={cancel.isPending}
      className="self-start rounded-md border border-red-700 px-4 py-2 text-red-800 disabled:opacity-50"
      onClick={async () => {
        if (!window.confirm("Cancel this order? Its items go back on the shelf.")) return;
        try {
          await cancel.mutateAsync({ id: orderId });
          notify("Order cancelled");
          router.refresh();
        } catch (error) {
          notify(error instanceof TRPCClientError ? error.message : "Could not cancel the order", "error");
        }
      }}
    >
      Cancel order
    </button>
  );
}
