import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Forbidden } from "~/components/admin/forbidden";
import { getViewer } from "~/lib/session";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Stockroom" } };

const sections = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/inventory", label: "Inventory" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/emails", label: "Emails" },
];

/** Only STAFF and ADMIN get in; others are sent to sign in or told they may not. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/admin");
  if (viewer.role === "CUSTOMER") return <Forbidden />;
  const links = viewer.role === "ADMIN" ? [...sections, { href: "/admin/staff", label: "Staff" }] : sections;
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <nav aria-label="Admin" className="self-start rounded-lg border border-stone-200 bg-white p-2 text-sm">
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="block rounded-md px-3 py-2 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
