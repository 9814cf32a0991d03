"use client";

import { ErrorScreen } from "~/components/error-screen";

export default function ShopErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorScreen reset={reset} home={{ href: "/", label: "Go to the storefront" }} />;
}
