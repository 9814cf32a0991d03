import type { RouterOutputs } from "@stockroom/api/schemas";
import { DateTime } from "../ui/date-time";

type Movement = RouterOutputs["inventory"]["movements"]["movements"][number];

/** A variant's stock movements, newest first; on a narrow screen the table scrolls sideways in its box. */
export function StockLedger({ movements, caption }: { movements: Movement[]; caption: string }) {
  return (
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: on a narrow screen the ledger scrolls sideways in its box, and a keyboard must be able to scroll it
      tabIndex={0}
      aria-label="Movement history table"
      className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">When</th>
            <th className="p-2">Change</th>
            <th className="p-2">Reason</th>
            <th className="p-2">By</th>
            <th className="p-2">Note</th>
            <th className="p-2 text-right">Resulting</th>
          </tr>
        </thead>
        <tbody>
          {movements.length === 0 ? (
            <tr>
              <td colSpan={6} className="p-2 text-stone-600">
                No movements yet.
              </td>
            </tr>
          ) : null}
          {movements.map((movement) => (
            <tr key={movement.id} className="border-t border-stone-200">
              <td className="whitespace-nowrap p-2">
                <DateTime value={movement.createdAt} />
              </td>
              <td className="p-2">{movement.delta > 0 ? `+${movement.delta}` : String(movement.delta)}</td>
              <td className="p-2 capitalize">
                {movement.reason}
                {movement.order ? ` (order #${movement.order.number})` : ""}
              </td>
              <td className="p-2">{movement.actor?.name ?? "—"}</td>
              <td className="p-2">{movement.note ?? ""}</td>
              <td className="p-2 text-right">{movement.quantityAfter}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
