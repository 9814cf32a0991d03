import type { RouterOutputs } from "@stockroom/api/schemas";
import Link from "next/link";
import { DEFAULT_CURRENCY, formatMoney } from "~/lib/money";

type TopProduct = RouterOutputs["admin"]["dashboard"]["topProducts"][number];

/** The range's five best sellers by units, each linking to its admin product page. */
export function DashboardTopProducts({ products }: { products: TopProduct[] }) {
  if (products.length === 0) return <p className="text-sm text-muted">No sales in this range.</p>;
  return (
    <table className="w-full rounded-lg border border-line bg-surface text-sm">
      <thead className="text-left text-muted">
        <tr>
          <th scope="col" className="p-2 font-medium">
            Product
          </th>
          <th scope="col" className="p-2 text-right font-medium">
            Units sold
          </th>
          <th scope="col" className="p-2 text-right font-medium">
            Revenue
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {products.map((product) => (
          <tr key={product.productId}>
            <td className="p-2">
              <Link
                href={`/admin/products/${product.productId}`}
                className="flex items-center gap-2 underline underline-offset-4"
              >
                <img
                  src={product.imageUrl ?? "/images/products/placeholder.svg"}
                  alt=""
                  width={32}
                  height={32}
                  className="size-8 rounded border border-line object-cover"
                />
                {product.name}
              </Link>
            </td>
            <td className="p-2 text-right">{product.units.toLocaleString("en-US")}</td>
            <td className="p-2 text-right">{formatMoney(product.revenueCents, DEFAULT_CURRENCY)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
