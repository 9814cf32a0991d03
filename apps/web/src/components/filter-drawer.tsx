"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { SlidersHorizontal, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "./ui/button";

/**
 * The search filters: beside the results on a wide screen, behind a "Filters" button in a side drawer
 * on a narrow one, so the products are on the first screen of a phone.
 */
export function FilterDrawer({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  return (
    <>
      <div className="hidden self-start md:block">{children}</div>
      <Dialog.Root>
        <Dialog.Trigger asChild>
          <Button variant="secondary" className="self-start md:hidden">
            <SlidersHorizontal aria-hidden="true" className="size-4" />
            Filters{activeCount > 0 ? ` (${activeCount})` : ""}
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
          <Dialog.Content className="fixed inset-y-0 left-0 z-50 w-[min(20rem,85vw)] overflow-y-auto bg-canvas p-4 shadow-xl">
            <div className="mb-3 flex items-center justify-between">
              <Dialog.Title className="text-heading font-semibold">Filters</Dialog.Title>
              <Dialog.Close asChild>
                <Button variant="ghost" size="sm" aria-label="Close filters">
                  <X aria-hidden="true" className="size-4" />
                </Button>
              </Dialog.Close>
            </div>
            <Dialog.Description className="sr-only">
              Narrow the products by search, category, price and stock.
            </Dialog.Description>
            {children}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
