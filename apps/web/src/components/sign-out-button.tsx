"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { headerLabelClass, headerLinkClass } from "./header-link";
import { useToast } from "./toaster";

export function SignOutButton() {
  const router = useRouter();
  const notify = useToast();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={headerLinkClass}
      onClick={async () => {
        setPending(true);
        await fetch("/api/auth/sign-out", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
        notify("Signed out", "info");
        router.push("/");
        router.refresh();
      }}
    >
      <LogOut aria-hidden="true" className="size-5 sm:size-4" />
      <span className={headerLabelClass}>Sign out</span>
    </button>
  );
}
