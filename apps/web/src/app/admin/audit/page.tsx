import { AuditLogListInput } from "@stockroom/api/schemas";
import Link from "next/link";
import { DateRangeFields, EmptyState, endOfDay, NextPageLink } from "~/components/list-parts";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";
import { auditSentence } from "~/lib/audit-sentence";

export const metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const api = await apiForRequest();
  // Checked with the API's own schema first, so filters it would refuse are explained on the page.
  const filters = AuditLogListInput.safeParse({
    actorId: params.actorId || undefined,
    actor: params.actor?.trim() || undefined,
    includeCart: params.cart === "1",
    entity: params.entity || undefined,
    entityId: params.entityId || undefined,
    from: params.from ? new Date(params.from) : undefined,
    to: endOfDay(params.to),
    cursor: params.cursor || undefined,
    limit: 50,
  });
  const filterProblem = filters.error?.issues[0];
  const { entries, nextCursor } = filters.success
    ? await api.admin.auditLog.query(filters.data)
    : { entries: [], nextCursor: null };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <form
        action="/admin/audit"
        aria-label="Audit filters"
        className="flex flex-wrap items-end gap-3 text-sm"
      >
        <label className="flex flex-col gap-1">
          Entity
          <select
            name="entity"
            defaultValue={params.entity ?? ""}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          >
            <option value="">Any</option>
            <option value="product">Product</option>
            <option value="order">Order</option>
            <option value="user">User</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Actor (name or e-mail)
          <input
            name="actor"
            type="search"
            defaultValue={params.actor}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <label className="flex items-center gap-2 py-1.5">
          <input name="cart" type="checkbox" value="1" defaultChecked={params.cart === "1"} />
          Include staff's own cart activity
        </label>
        <DateRangeFields from={params.from} to={params.to} />
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Apply
        </button>
      </form>
      {filterProblem ? (
        <p role="alert" className="rounded-card border border-red-200 bg-red-50 p-3 text-sm text-danger">
          These filters could not be applied ({FILTER_NAMES[String(filterProblem.path[0])] ?? "filter"}:{" "}
          {filterProblem.message.toLowerCase()}).{" "}
          <Link href="/admin/audit" className="underline underline-offset-4">
            Clear filters
          </Link>
        </p>
      ) : entries.length === 0 ? (
        <EmptyState>No entries match.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <p>
                <AuditLine entry={entry} />
                {" · "}
                <DateTime value={entry.createdAt} format="relative" />
              </p>
              <details>
                <summary className="cursor-pointer text-stone-700">Before and after</summary>
                <pre className="mt-2 overflow-x-auto rounded bg-stone-100 p-2 text-xs">
                  {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <NextPageLink path="/admin/audit" params={params} cursor={nextCursor} />
    </div>
  );
}

const FILTER_NAMES: Record<string, string> = {
  actor: "actor",
  actorId: "actor",
  entity: "entity",
  entityId: "entity",
  from: "from date",
  to: "to date",
  cursor: "page",
};

type Entry = Awaited<
  ReturnType<Awaited<ReturnType<typeof apiForRequest>>["admin"]["auditLog"]["query"]>
>["entries"][number];

const SUBJECT_PAGES = {
  order: "/admin/orders",
  product: "/admin/products",
  user: "/admin/customers",
} as const;

/** "staff@stockroom.dev marked order #100008 paid", each name a link (the actor's to their entries). */
function AuditLine({ entry }: { entry: Entry }) {
  const sentence = auditSentence(entry);
  const subjectHref =
    entry.subject &&
    (entry.action.startsWith("staff.")
      ? "/admin/staff"
      : `${SUBJECT_PAGES[entry.subject.kind]}/${entry.subject.id}`);
  return (
    <>
      {entry.actor ? (
        <Link
          href={`/admin/audit?actorId=${entry.actor.id}`}
          className="font-medium underline underline-offset-4"
        >
          {entry.actor.email}
        </Link>
      ) : (
        <span className="font-medium">Someone (account deleted)</span>
      )}{" "}
      {sentence.verb}
      {entry.subject && subjectHref ? (
        <>
          {" "}
          <Link href={subjectHref} className="underline underline-offset-4">
            {entry.subject.label}
          </Link>
        </>
      ) : entry.entityId && entry.action !== "access.denied" && !entry.action.startsWith("cart.") ? (
        ` ${entry.entity} ${entry.entityId}`
      ) : null}
      {sentence.rest ? ` ${sentence.rest}` : null}
    </>
  );
}
