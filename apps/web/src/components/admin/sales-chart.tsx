import { DEFAULT_CURRENCY, formatMoney } from "~/lib/money";

/** Daily revenue as a bar chart (plain SVG), with a table fallback for screen readers. */
export function SalesChart({ days }: { days: { day: string; revenueCents: number; orders: number }[] }) {
  const max = Math.max(1, ...days.map((d) => d.revenueCents));
  const width = 600;
  const height = 160;
  const bar = width / days.length;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="sales-chart-title"
        className="w-full rounded-lg border border-stone-200 bg-white"
      >
        <title id="sales-chart-title">Revenue per day, last 30 days</title>
        {days.map((d, i) => {
          const h = Math.round((d.revenueCents / max) * (height - 20));
          return (
            <rect
              key={d.day}
              x={i * bar + 2}
              y={height - h}
              width={bar - 4}
              height={h}
              className="fill-emerald-700"
            />
          );
        })}
      </svg>
      <figcaption className="sr-only">
        <table>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{formatMoney(d.revenueCents, DEFAULT_CURRENCY)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
