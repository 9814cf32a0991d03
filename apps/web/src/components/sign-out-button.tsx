"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useToast } from "./toaster";

export function SignOutButton() {
  const router = useRouter();
  const notify = useToast();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded-md px-3 py-2 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
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
      Sign out
    </button>
  );
}
