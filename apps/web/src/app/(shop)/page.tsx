import Link from "next/link";
import { ProductGrid } from "~/components/product-card";
import { buttonClass } from "~/components/ui/button";
import { apiForRequest } from "~/lib/api-server";

export default async function HomePage() {
  const api = await apiForRequest();
  const [categories, newest] = await Promise.all([
    api.product.categories.query(),
    api.product.list.query({ limit: 8, inStock: true }),
  ]);
  return (
    <div className="flex flex-col gap-10">
      <section className="relative isolate overflow-hidden rounded-card bg-emerald-950 text-white">
        <img
          src="/images/hero.svg"
          alt=""
          width={1200}
          height={420}
          fetchPriority="high"
          className="absolute inset-0 -z-10 h-full w-full object-cover object-right opacity-40 sm:opacity-100"
        />
        <div className="max-w-md px-6 py-12 sm:px-10 sm:py-20">
          <h1 className="text-display font-semibold tracking-tight">Stockroom</h1>
          <p className="mt-3 text-emerald-50">
            Everyday goods for kitchen, home and trail, in stock and ready to ship.
          </p>
          <Link href="/search" className={buttonClass({ variant: "secondary", className: "mt-6" })}>
            Shop everything
          </Link>
        </div>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-medium">
          Shop by category
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {categories.map((category) => (
            <li key={category.id}>
              <Link
                href={`/c/${category.slug}`}
                className="block rounded-lg border border-stone-200 bg-white p-4 hover:border-stone-400 focus-visible:outline-2 focus-visible:outline-emerald-700"
              >
                <span className="font-medium">{category.name}</span>
                <span className="mt-1 block text-sm text-stone-600">{category.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading" className="mb-4 text-xl font-medium">
          New in
        </h2>
        <ProductGrid products={newest.products} label="New in" />
      </section>
    </div>
  );
}
