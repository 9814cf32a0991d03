"use client";

import type { RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { OrderStatusBadge } from "~/components/status-badges";
import { Button } from "~/components/ui/button";
import { DataTable, type DataTableColumn, type DataTableRow } from "~/components/ui/data-table";
import { DateTime } from "~/components/ui/date-time";
import { formatMoney } from "~/lib/money";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";

type Order = RouterOutputs["order"]["list"]["orders"][number];

// Only Placed sorts (newest or oldest first: the order indexes read either way); the server says how.
const columnsSortedBy = (placed: DataTableColumn["sort"]): DataTableColumn[] => [
  { id: "number", header: "Order", hideable: false },
  { id: "placed", header: "Placed", sort: placed },
  { id: "customer", header: "Customer" },
  { id: "items", header: "Items", align: "right" },
  { id: "status", header: "Status" },
  { id: "total", header: "Total", align: "right" },
];

/** The staff order list, with selection for bulk "mark paid" / "mark delivered". */
export function OrdersTable({
  orders,
  placedSort,
}: {
  orders: Order[];
  /** How the page is sorted by date placed, and the link to the other way. */
  placedSort: DataTableColumn["sort"];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const bulk = useMutation(trpc.order.bulkTransition.mutationOptions());
  const [problems, setProblems] = useState<string[]>([]);

  async function apply(ids: string[], to: "paid" | "delivered") {
    try {
      const result = await bulk.mutateAsync({ ids, to });
      const numbers = new Map(orders.map((o) => [o.id, o.number]));
      setProblems(result.results.filter((r) => !r.ok).map((r) => `#${numbers.get(r.id)}: ${r.error}`));
      notify(`${result.changed} order${result.changed === 1 ? "" : "s"} marked ${to}`);
      router.refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : "Could not change the orders", "error");
    }
  }

  const rows: DataTableRow[] = orders.map((order) => ({
    id: order.id,
    selectLabel: `Select order #${order.number}`,
    cells: {
      number: (
        <Link href={`/admin/orders/${order.id}`} className="underline underline-offset-4">
          #{order.number}
        </Link>
      ),
      placed: <DateTime value={order.createdAt} format="relative" />,
      customer: order.customer.email,
      items: order.itemCount,
      status: <OrderStatusBadge status={order.status} />,
      total: formatMoney(order.totalCents, order.currency),
    },
  }));

  return (
    <div className="flex flex-col gap-3">
      {problems.length > 0 ? (
        <ul role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <DataTable
        tableId="admin-orders"
        caption="Orders"
        columns={columnsSortedBy(placedSort)}
        rows={rows}
        bulkActions={(ids, clear) => (
          <>
            <Button
              variant="secondary"
              size="sm"
              disabled={bulk.isPending}
              onClick={() => void apply(ids, "paid").then(clear)}
            >
              Mark selected paid
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={bulk.isPending}
              onClick={() => void apply(ids, "delivered").then(clear)}
            >
              Mark selected delivered
            </Button>
          </>
        )}
      />
    </div>
  );
}
