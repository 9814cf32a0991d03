"use client";

import type { RouterOutputs } from "@stockroom/api/schemas";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { OrderStatusBadge } from "~/components/status-badges";
import { DateTime } from "~/components/ui/date-time";
import { formatMoney } from "~/lib/money";
import { useTRPC } from "~/lib/trpc-client";
import { useToast } from "../toaster";

type Order = RouterOutputs["order"]["list"]["orders"][number];

/** The staff order list, with selection for bulk "mark paid" / "mark delivered". */
export function OrdersTable({ orders }: { orders: Order[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useToast();
  const bulk = useMutation(trpc.order.bulkTransition.mutationOptions());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problems, setProblems] = useState<string[]>([]);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function apply(to: "paid" | "delivered") {
    const result = await bulk.mutateAsync({ ids: [...selected], to });
    const numbers = new Map(orders.map((o) => [o.id, o.number]));
    setProblems(result.results.filter((r) => !r.ok).map((r) => `#${numbers.get(r.id)}: ${r.error}`));
    notify(`${result.changed} order${result.changed === 1 ? "" : "s"} marked ${to}`);
    setSelected(new Set());
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 text-sm">
        <span>{selected.size} selected</span>
        <button
          type="button"
          disabled={selected.size === 0 || bulk.isPending}
          onClick={() => void apply("paid")}
          className="rounded-md border border-stone-300 px-3 py-1.5 disabled:opacity-50"
        >
          Mark selected paid
        </button>
        <button
          type="button"
          disabled={selected.size === 0 || bulk.isPending}
          onClick={() => void apply("delivered")}
          className="rounded-md border border-stone-300 px-3 py-1.5 disabled:opacity-50"
        >
          Mark selected delivered
        </button>
      </div>
      {problems.length > 0 ? (
        <ul role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <table className="w-full rounded-lg border border-stone-200 bg-white text-left text-sm">
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">
              <span className="sr-only">Select</span>
            </th>
            <th className="p-2">Order</th>
            <th className="p-2">Placed</th>
            <th className="p-2">Customer</th>
            <th className="p-2">Status</th>
            <th className="p-2 text-right">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-t border-stone-200">
              <td className="p-2">
                <input
                  type="checkbox"
                  aria-label={`Select order #${order.number}`}
                  checked={selected.has(order.id)}
                  onChange={() => toggle(order.id)}
                />
              </td>
              <td className="p-2">
                <Link href={`/admin/orders/${order.id}`} className="underline underline-offset-4">
                  #{order.number}
                </Link>
              </td>
              <td className="p-2">
                <DateTime value={order.createdAt} format="relative" />
              </td>
              <td className="p-2">{order.customer.email}</td>
              <td className="p-2">
                <OrderStatusBadge status={order.status} />
              </td>
              <td className="p-2 text-right">{formatMoney(order.totalCents, order.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
