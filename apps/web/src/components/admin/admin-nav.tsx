"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrentSection } from "~/lib/admin-sections";

export interface AdminSection {
  href: string;
  label: string;
}

export function AdminNav({ sections }: { sections: AdminSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="self-start rounded-lg border border-stone-200 bg-white p-2 text-sm">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {sections.map((section) => {
          const current = isCurrentSection(pathname, section.href);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 focus-visible:outline-2 focus-visible:outline-emerald-700 ${
                  current ? "bg-stone-900 font-medium text-white" : "hover:bg-stone-100"
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
