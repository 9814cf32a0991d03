import { PromotionForm } from "~/components/admin/promotion-form";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";

export const metadata = { title: "New promotion" };

export default function NewPromotionPage() {
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Promotions", href: "/admin/promotions" }, { label: "New promotion" }]} />
      <h1 className="text-2xl font-semibold">New promotion</h1>
      <PromotionForm />
    </div>
  );
}
