"use client";

import { ErrorScreen } from "~/components/error-screen";

export default function AdminErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorScreen reset={reset} home={{ href: "/admin", label: "Go to the dashboard" }} />;
}
