import Link from "next/link";
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
  const next = new URLSearchParams({ ...(params.to ? { to: params.to } : {}), cursor: nextCursor ?? "" });
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
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-stone-600">
          No messages yet.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <details>
                <summary className="cursor-pointer">
                  <strong>{email.subject}</strong> → {email.to} ·{" "}
                  {email.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                </summary>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-stone-100 p-2 text-xs">
                  {email.text}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link
          href={`/admin/emails?${next.toString()}`}
          className="self-start rounded-md border border-stone-300 px-3 py-2 text-sm"
        >
          Next page
        </Link>
      ) : null}
    </div>
  );
}
