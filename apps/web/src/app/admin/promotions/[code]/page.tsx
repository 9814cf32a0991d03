import { TRPCClientError } from "@trpc/client";
import { notFound } from "next/navigation";
import { PromotionActiveToggle } from "~/components/admin/promotion-active-toggle";
import { PromotionForm } from "~/components/admin/promotion-form";
import { PromotionStatusBadge } from "~/components/admin/promotion-status-badge";
import { Breadcrumbs } from "~/components/ui/breadcrumbs";
import { apiForRequest } from "~/lib/api-server";
import { formatMoney } from "~/lib/money";
import { promotionStatus, promotionUsesText, promotionValueText } from "~/lib/promotion-form";

export const metadata = { title: "Edit promotion" };

/** The segment as typed; one that does not decode is no code at all. */
function codeOf(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export default async function EditPromotionPage({ params }: { params: Promise<{ code: string }> }) {
  const code = codeOf((await params).code);
  if (!code) notFound();
  const promotion = await (await apiForRequest()).promotion.byCode.query({ code }).catch((error: unknown) => {
    if (
      error instanceof TRPCClientError &&
      (error.data?.httpStatus === 404 || error.data?.httpStatus === 400)
    )
      notFound();
    throw error;
  });
  const { usage } = promotion;
  const usageFacts = [
    { label: "Times used", value: promotionUsesText(promotion) },
    {
      label: "Orders",
      value:
        usage.cancelledOrders > 0
          ? `${usage.orders} (${usage.cancelledOrders} cancelled)`
          : String(usage.orders),
    },
    { label: "Revenue", value: formatMoney(usage.revenueCents, promotion.currency) },
    { label: "Discount given", value: formatMoney(usage.discountCents, promotion.currency) },
  ];
  return (
    <div className="flex flex-col gap-4">
      <Breadcrumbs items={[{ label: "Promotions", href: "/admin/promotions" }, { label: promotion.code }]} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="font-mono text-2xl font-semibold">{promotion.code}</h1>
        <PromotionActiveToggle code={promotion.code} active={promotion.active} />
      </div>
      <p className="flex items-center gap-2 text-sm">
        <span>Status:</span>
        <PromotionStatusBadge status={promotionStatus(promotion, new Date())} />
        <span>· {promotionValueText(promotion)}</span>
      </p>
      <section aria-labelledby="usage-heading" className="flex flex-col gap-2">
        <h2 id="usage-heading" className="text-lg font-medium">
          Usage
        </h2>
        <p className="text-sm text-muted">Orders, revenue and discount leave out cancelled orders.</p>
        <dl className="grid max-w-xl grid-cols-2 gap-3 sm:grid-cols-4">
          {usageFacts.map((fact) => (
            <div key={fact.label} className="rounded-card border border-line bg-surface p-3">
              <dt className="text-sm text-muted">{fact.label}</dt>
              <dd className="text-lg font-semibold">{fact.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="terms-heading" className="flex flex-col gap-2">
        <h2 id="terms-heading" className="text-lg font-medium">
          Terms
        </h2>
        <PromotionForm key={promotion.updatedAt.toISOString()} promotion={promotion} />
      </section>
    </div>
  );
}
