import Link from "next/link";
import { PromotionStatusBadge } from "~/components/admin/promotion-status-badge";
import { EmptyState, NextPageLink, queryOf } from "~/components/list-parts";
import { buttonClass } from "~/components/ui/button";
import { DataTable, type DataTableColumn } from "~/components/ui/data-table";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";
import { promotionStatus, promotionUsesText, promotionValueText } from "~/lib/promotion-form";

export const metadata = { title: "Promotions" };

type Params = Record<string, string | undefined>;

const columns: DataTableColumn[] = [
  { id: "code", header: "Code", hideable: false },
  { id: "value", header: "Discount" },
  { id: "status", header: "Status" },
  { id: "uses", header: "Uses", align: "right" },
  { id: "starts", header: "Starts" },
  { id: "ends", header: "Ends" },
];

const activeFilter = (value: string | undefined) =>
  value === "active" ? true : value === "inactive" ? false : undefined;

export default async function AdminPromotionsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const page = await (await apiForRequest()).promotion.list.query({
    q: params.q?.trim() || undefined,
    active: activeFilter(params.active),
    cursor: params.cursor || undefined,
    limit: 25,
  });
  const now = new Date();
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Promotions</h1>
        <Link href="/admin/promotions/new" className={buttonClass()}>
          New promotion
        </Link>
      </div>
      <form
        key={queryOf(params)}
        action="/admin/promotions"
        aria-label="Promotion filters"
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label className="flex flex-col gap-1">
          Search codes
          <input
            name="q"
            type="search"
            defaultValue={params.q}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="flex flex-col gap-1">
          Activity
          <select
            name="active"
            defaultValue={params.active ?? ""}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          >
            <option value="">All codes</option>
            <option value="active">Not deactivated</option>
            <option value="inactive">Deactivated</option>
          </select>
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Apply
        </button>
      </form>
      {page.promotions.length === 0 ? (
        <EmptyState>No discount codes match.</EmptyState>
      ) : (
        <DataTable
          tableId="promotions"
          caption="Discount codes"
          columns={columns}
          rows={page.promotions.map((promotion) => ({
            id: promotion.id,
            cells: {
              code: (
                <Link
                  href={`/admin/promotions/${encodeURIComponent(promotion.code)}`}
                  className="font-mono underline underline-offset-4"
                >
                  {promotion.code}
                </Link>
              ),
              value: promotionValueText(promotion),
              status: <PromotionStatusBadge status={promotionStatus(promotion, now)} />,
              uses: promotionUsesText(promotion),
              starts: promotion.startsAt ? <DateTime value={promotion.startsAt} /> : "—",
              ends: promotion.endsAt ? <DateTime value={promotion.endsAt} /> : "—",
            },
          }))}
        />
      )}
      <NextPageLink path="/admin/promotions" params={params} cursor={page.nextCursor} />
    </div>
  );
}
