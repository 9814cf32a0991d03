"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { DataTable, type DataTableColumn, type DataTableRow } from "~/components/ui/data-table";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";

const plural = (count: number) => `${count} product${count === 1 ? "" : "s"}`;

/** Names of the first few selected products, for the confirmation. */
function listed(ids: string[], names: Record<string, string>): string {
  const shown = ids.slice(0, 3).map((id) => names[id] ?? "a product");
  const rest = ids.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/**
 * The staff product list (rows rendered by the page) with bulk Archive and Restore: one call for
 * every selected product, confirmed first, undone from the toast.
 */
export function ProductsTable({
  columns,
  rows,
  names,
}: {
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /** Each row's product name by id. */
  names: Record<string, string>;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const bulk = useMutation(trpc.product.bulkSetArchived.mutationOptions());

  async function setArchived(ids: string[], archived: boolean, undoable: boolean) {
    try {
      const result = await bulk.mutateAsync({ ids, archived });
      const changed = result.changedIds;
      const message =
        changed.length === 0
          ? `${plural(ids.length)} already ${archived ? "archived" : "on sale"}`
          : archived
            ? `${plural(changed.length)} archived: hidden from shoppers`
            : `${plural(changed.length)} back on sale`;
      notify(
        message,
        "success",
        undoable && changed.length > 0
          ? { label: "Undo", run: () => void setArchived(changed, !archived, false) }
          : undefined,
      );
      router.refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : "Could not change the products", "error");
      return false;
    }
  }

  return (
    <DataTable
      tableId="admin-products"
      caption="Products"
      columns={columns}
      rows={rows}
      bulkActions={(ids, clear) => (
        <>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={bulk.isPending}>
                Archive
              </Button>
            }
            title={`Archive ${plural(ids.length)}?`}
            description={`${listed(ids, names)} will be hidden from shoppers until restored. You can undo this from the notice.`}
            confirmLabel={`Archive ${plural(ids.length)}`}
            destructive
            onConfirm={() => void setArchived(ids, true, true).then((ok) => ok && clear())}
          />
          <ConfirmDialog
            trigger={
              <Button variant="secondary" size="sm" disabled={bulk.isPending}>
                Restore
              </Button>
            }
            title={`Restore ${plural(ids.length)}?`}
            description={`${listed(ids, names)} will be on sale again.`}
            confirmLabel={`Restore ${plural(ids.length)}`}
            onConfirm={() => void setArchived(ids, false, true).then((ok) => ok && clear())}
          />
        </>
      )}
    />
  );
}
