"use client";

import { ErrorScreen } from "~/components/error-screen";

// A failure outside both shells (a layout itself); pages fail into (shop)/error.tsx or admin/error.tsx.
export default function RootErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorScreen reset={reset} home={{ href: "/", label: "Go to the storefront" }} standalone />;
}
