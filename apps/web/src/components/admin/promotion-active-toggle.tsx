"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFailureOf } from "~/lib/api-error";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";
import { Button } from "../ui/button";

/** Deactivate a code (shoppers can no longer use it; its usage stays) or activate it again. */
export function PromotionActiveToggle({ code, active }: { code: string; active: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const update = useMutation(trpc.promotion.update.mutationOptions());

  async function toggle() {
    try {
      await update.mutateAsync({ code, active: !active });
      notify(active ? `${code} deactivated: shoppers can no longer use it` : `${code} activated`);
      router.refresh();
    } catch (error) {
      notify(apiFailureOf(error, "Could not change the promotion").message, "error");
    }
  }

  return (
    <Button variant={active ? "danger" : "secondary"} disabled={update.isPending} onClick={toggle}>
      {active ? "Deactivate" : "Activate"}
    </Button>
  );
}
