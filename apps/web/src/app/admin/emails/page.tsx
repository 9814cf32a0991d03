import { EmptyState, NextPageLink } from "~/components/list-parts";
import { DateTime } from "~/components/ui/date-time";
import { apiForRequest } from "~/lib/api-server";

export const metadata = { title: "Emails" };

export default async function EmailsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const { emails, nextCursor } = await (await apiForRequest()).admin.emails.query({
    to: params.to || undefined,
    cursor: params.cursor || undefined,
    limit: 25,
  });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Emails</h1>
      <p className="text-sm text-stone-700">
        Messages the development mail transport stored (set SMTP_URL to send real e-mail).
      </p>
      <form action="/admin/emails" aria-label="Email filters" className="flex items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          Recipient
          <input
            name="to"
            type="search"
            defaultValue={params.to}
            className="rounded-md border border-stone-300 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5">
          Filter
        </button>
      </form>
      {emails.length === 0 ? (
        <EmptyState>No messages yet.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <details>
                <summary className="cursor-pointer">
                  <strong>{email.subject}</strong> → {email.to} · <DateTime value={email.createdAt} />
                </summary>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-stone-100 p-2 text-xs">
                  {email.text}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <NextPageLink path="/admin/emails" params={params} cursor={nextCursor} />
    </div>
  );
}
