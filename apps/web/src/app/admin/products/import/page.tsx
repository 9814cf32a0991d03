import Link from "next/link";
import { ProductImport } from "~/components/admin/product-import";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";

export const metadata = { title: "Import and export products" };

export default function ProductImportPage() {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <Breadcrumbs
          items={[{ label: "Products", href: "/admin/products" }, { label: "Import and export" }]}
        />
        <h1 className="text-2xl font-semibold">Import and export products</h1>
        <p className="text-sm text-stone-700">
          Download the catalogue as CSV (one row per variant, as Shopify lays it out), edit it in a
          spreadsheet, and import it back to create products, add variants, and change prices and stock. The
          import checks every row first and writes nothing until all of them are valid.{" "}
          <Link href="/admin/products" className="underline underline-offset-4">
            Back to products
          </Link>
        </p>
      </div>
      <ProductImport />
    </div>
  );
}
