import Link from "next/link";
import { apiForRequest } from "~/lib/api-server";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const api = await apiForRequest();
  const categories = await api.product.categories.query();
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <header className="mb-8 flex items-center justify-between">
        <h1 className="text-3xl font-semibold tracking-tight">Stockroom</h1>
        <Link href="/admin" className="text-sm underline underline-offset-4">
          Staff console
        </Link>
      </header>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-medium">
          Shop by category
        </h2>
        {categories.length === 0 ? (
          <p>No categories yet.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {categories.map((category) => (
              <li key={category.id} className="rounded-lg border border-stone-200 bg-white p-4">
                <h3 className="font-medium">{category.name}</h3>
                <p className="mt-1 text-sm text-stone-600">{category.description}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
