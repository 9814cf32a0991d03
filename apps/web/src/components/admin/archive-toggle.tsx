"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";

export function ArchiveToggle({
  productId,
  productName,
  active,
}: {
  productId: string;
  productName: string;
  active: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const archive = useMutation(trpc.product.archive.mutationOptions());
  const unarchive = useMutation(trpc.product.unarchive.mutationOptions());
  const pending = archive.isPending || unarchive.isPending;
  async function change(toActive: boolean, undoable: boolean) {
    try {
      await (toActive ? unarchive : archive).mutateAsync({ id: productId });
      const message = toActive
        ? `${productName} is back on sale`
        : `${productName} archived: hidden from shoppers`;
      notify(
        message,
        "success",
        undoable ? { label: "Undo", run: () => void change(!toActive, false) } : undefined,
      );
      router.refresh();
    } catch {
      notify("Could not change the product", "error");
    }
  }
  return (
    <button
      type="button"
      disabled={pending}
      className="text-sm underline underline-offset-4 disabled:opacity-50"
      // Archiving is undone from the toast, so it needs no confirmation.
      onClick={() => void change(!active, true)}
    >
      {active ? "Archive" : "Unarchive"}
      <span className="sr-only"> {productName}</span>
    </button>
  );
}
