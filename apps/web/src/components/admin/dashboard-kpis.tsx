import type { RouterOutputs } from "@stockroom/api/schemas";
import { DEFAULT_CURRENCY, formatMoney } from "~/lib/money";

type Figures = RouterOutputs["admin"]["dashboard"]["kpis"]["current"];

/** "+12%", "−3%", "no change"; null when the period before had nothing to compare with. */
export function changeText(current: number, previous: number): string | null {
  if (previous === 0) return current === 0 ? "no change" : null;
  const percent = Math.round(((current - previous) / previous) * 100);
  if (percent === 0) return "no change";
  return `${percent > 0 ? "+" : "−"}${Math.abs(percent)}%`;
}

/** The range's revenue, orders, average order value and units, each with its change on the period before. */
export function DashboardKpis({
  current,
  previous,
  rangeDays,
}: {
  current: Figures;
  previous: Figures;
  rangeDays: number;
}) {
  const money = (cents: number) => formatMoney(cents, DEFAULT_CURRENCY);
  const count = (n: number) => n.toLocaleString("en-US");
  const kpis = [
    { label: "Revenue", now: current.revenueCents, before: previous.revenueCents, format: money },
    { label: "Orders", now: current.orders, before: previous.orders, format: count },
    {
      label: "Average order value",
      now: current.averageOrderCents,
      before: previous.averageOrderCents,
      format: money,
    },
    { label: "Units sold", now: current.units, before: previous.units, format: count },
  ];
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {kpis.map((kpi) => {
        const change = changeText(kpi.now, kpi.before);
        const tone =
          change === null || change === "no change"
            ? "text-muted"
            : change.startsWith("+")
              ? "text-accent"
              : "text-danger";
        return (
          <li key={kpi.label} className="rounded-lg border border-line bg-surface p-4">
            <p className="text-sm text-muted">{kpi.label}</p>
            <p className="text-2xl font-semibold text-ink">{kpi.format(kpi.now)}</p>
            <p className={`text-sm ${tone}`}>
              {change === null
                ? `none in the previous ${rangeDays} days`
                : `${change} vs previous ${rangeDays} days`}
              <span className="text-muted"> ({kpi.format(kpi.before)})</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
