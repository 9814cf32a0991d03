import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AdminHeader } from "~/components/admin/admin-header";
import { AdminNav, type AdminSection } from "~/components/admin/admin-nav";
import { Forbidden } from "~/components/admin/forbidden";
import { StoreShell } from "~/components/store-shell";
import { getViewer } from "~/lib/session";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Stockroom" } };

const sections: AdminSection[] = [
  { href: "/admin", label: "Dashboard" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/inventory", label: "Inventory" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/promotions", label: "Promotions" },
  { href: "/admin/customers", label: "Customers" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/emails", label: "Emails" },
];

/**
 * The console's own shell (its header, a sidebar marking the current section), separate from the
 * storefront's. Only STAFF and ADMIN get in; others are sent to sign in or told, in the store's
 * shell, that they may not.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in?next=/admin");
  if (viewer.role === "CUSTOMER") {
    return (
      <StoreShell viewer={viewer}>
        <Forbidden />
      </StoreShell>
    );
  }
  const links = viewer.role === "ADMIN" ? [...sections, { href: "/admin/staff", label: "Staff" }] : sections;
  return (
    <>
      <AdminHeader viewer={viewer} />
      <div className="mx-auto grid max-w-7xl gap-6 px-4 py-6 md:grid-cols-[12rem_1fr]">
        <AdminNav sections={links} />
        <main id="main" className="min-w-0">
          {children}
        </main>
      </div>
    </>
  );
}
