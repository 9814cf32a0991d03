"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "./toaster";

export function CancelOrderButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const cancel = useMutation(trpc.order.cancel.mutationOptions());
  return (
    <ConfirmDialog
      title="Cancel this order?"
      description="Its items go back on the shelf. This cannot be undone."
      confirmLabel="Cancel order"
      cancelLabel="Keep order"
      destructive
      onConfirm={async () => {
        try {
          await cancel.mutateAsync({ id: orderId });
          notify("Order cancelled");
          router.refresh();
        } catch (error) {
          notify(error instanceof TRPCClientError ? error.message : "Could not cancel the order", "error");
        }
      }}
      trigger={
        <button
          type="button"
          disabled={cancel.isPending}
          className="self-start rounded-md border border-red-700 px-4 py-2 text-red-800 disabled:opacity-50"
        >
          Cancel order
        </button>
      }
    />
  );
}
