import type { RouterOutputs } from "@stockroom/api/schemas";
import Link from "next/link";
import { formatMoney } from "~/lib/money";
import { StockBadge } from "./stock-badge";

type Product = RouterOutputs["product"]["list"]["products"][number];

export function ProductCard({ product }: { product: Product }) {
  // `inStock` says whether any variant can be bought; `stock` sums them (for "Only N left").
  const stock = product.inStock ? product.stock : 0;
  const price = formatMoney(product.priceCents, product.currency);
  return (
    <li className="overflow-hidden rounded-lg border border-stone-200 bg-white">
      <Link
        href={`/p/${product.slug}`}
        className="block focus-visible:outline-2 focus-visible:outline-emerald-700"
      >
        <img
          src={product.imageUrl ?? "/images/products/placeholder.svg"}
          alt=""
          width={400}
          height={400}
          // Sold out: the picture is dimmed (the text keeps its contrast and says "Sold out").
          className={`aspect-square w-full bg-stone-100 object-cover ${product.inStock ? "" : "opacity-50 grayscale"}`}
        />
        <div className="p-3">
          <h3 className="font-medium">{product.name}</h3>
          <p className="mt-1 flex items-center justify-between text-sm">
            <span>{product.priceCents < product.maxPriceCents ? `From ${price}` : price}</span>
            <StockBadge stock={stock} threshold={product.lowStockThreshold} />
          </p>
        </div>
      </Link>
    </li>
  );
}

export function ProductGrid({ products, label }: { products: Product[]; label: string }) {
  if (products.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-stone-600">
        No products match. Try other filters.
      </p>
    );
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
