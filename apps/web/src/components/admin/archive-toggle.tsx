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
  return (
    <button
      type="button"
      disabled={pending}
      className="text-sm underline underline-offset-4 disabled:opacity-50"
      onClick={async () => {
        try {
          await (active ? archive : unarchive).mutateAsync({ id: productId });
          notify(active ? `${productName} archived` : `${productName} is back on sale`);
          router.refresh();
        } catch {
          notify("Could not change the product", "error");
        }
      }}
    >
      {active ? "Archive" : "Unarchive"}
      <span className="sr-only"> {productName}</span>
    </button>
  );
}
