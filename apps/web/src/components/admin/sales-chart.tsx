"use client";

import { formatDate } from "@stockroom/api/schemas";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { DEFAULT_CURRENCY, formatMoney } from "~/lib/money";

export interface SalesChartDay {
  day: string;
  revenueCents: number;
  orders: number;
  previousDay: string;
  previousRevenueCents: number;
  previousOrders: number;
}

// A calendar day ("2026-12-04") as its noon in UTC, formatted in UTC: the day the API bucketed in
// the shop's zone is shown as that same day whatever the browser's zone.
const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);
const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const fullDay = (day: string) => formatDate(dayDate(day), "UTC");
const compactMoney = (cents: number) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: DEFAULT_CURRENCY,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(cents / 100);

function SalesTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const day = payload?.[0]?.payload as SalesChartDay | undefined;
  if (!active || !day) return null;
  return (
    <div role="status" className="rounded-md border border-line bg-surface p-3 text-sm text-ink shadow-md">
      <p className="font-medium">{fullDay(day.day)}</p>
      <p>
        Revenue: <strong>{formatMoney(day.revenueCents, DEFAULT_CURRENCY)}</strong>
      </p>
      <p>Orders: {day.orders}</p>
      <p className="mt-1 text-muted">
        {fullDay(day.previousDay)}: {formatMoney(day.previousRevenueCents, DEFAULT_CURRENCY)},{" "}
        {day.previousOrders} orders
      </p>
    </div>
  );
}

/**
 * Daily revenue for the chosen range as bars, with the period before as a dimmer line; hovering (or
 * focusing) a day shows its date, revenue and orders. Recharts draws in the browser, so the chart
 * itself is hidden from assistive technology and a table carries the same figures for it.
 */
export function SalesChart({ days, rangeLabel }: { days: SalesChartDay[]; rangeLabel: string }) {
  return (
    <figure className="rounded-lg border border-line bg-surface p-4">
      <div aria-hidden="true" className="h-64 w-full" data-testid="sales-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            accessibilityLayer={false}
            data={days}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-line, #e7e5e4)" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => shortDay.format(dayDate(day))}
              minTickGap={16}
              tick={{ fill: "#44403c", fontSize: 12 }}
            />
            <YAxis
              tickFormatter={(cents: number) => compactMoney(cents)}
              width={64}
              tick={{ fill: "#44403c", fontSize: 12 }}
            />
            <Tooltip
              content={(props) => <SalesTooltip active={props.active} payload={props.payload} />}
              cursor={{ fillOpacity: 0.08 }}
            />
            <Bar
              dataKey="revenueCents"
              name="Revenue"
              fill="var(--color-accent, #047857)"
              radius={[2, 2, 0, 0]}
            />
            <Line
              dataKey="previousRevenueCents"
              name="Previous period"
              stroke="var(--color-muted, #78716c)"
              strokeOpacity={0.6}
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex gap-4 text-sm text-muted">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 rounded-sm bg-accent align-middle" />
          Revenue per day, {rangeLabel}
        </span>
        <span>
          <span
            aria-hidden="true"
            className="mr-1 inline-block w-4 border-t-2 border-dashed border-muted align-middle"
          />
          Previous period
        </span>
      </figcaption>
      <table className="sr-only">
        <caption>Revenue and orders per day, {rangeLabel}, with the same day of the previous period</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Revenue</th>
            <th scope="col">Orders</th>
            <th scope="col">Previous period revenue</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{fullDay(d.day)}</th>
              <td>{formatMoney(d.revenueCents, DEFAULT_CURRENCY)}</td>
              <td>{d.orders}</td>
              <td>{formatMoney(d.previousRevenueCents, DEFAULT_CURRENCY)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
