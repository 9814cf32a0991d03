"use client";

import {
  formatDate,
  formatDateTime,
  formatDateTimeWithZone,
  formatRelativeTime,
} from "@stockroom/api/schemas";
import { useShopTimeZone } from "~/lib/shop-time-zone";

/**
 * A date as people read it, in the shop's time zone: `date` ("Dec 1, 2026"), `dateTime`
 * ("Dec 1, 2026, 6:42 PM"), `zoned` (with the zone's name) or `relative` ("5 minutes ago", a date after
 * a week). The exact time with its zone is always the tooltip, and `dateTime` carries the ISO instant.
 */
export function DateTime({
  value,
  format = "dateTime",
}: {
  value: Date;
  format?: "date" | "dateTime" | "zoned" | "relative";
}) {
  const timeZone = useShopTimeZone();
  const text =
    format === "date"
      ? formatDate(value, timeZone)
      : format === "zoned"
        ? formatDateTimeWithZone(value, timeZone)
        : format === "relative"
          ? formatRelativeTime(value, new Date(), timeZone)
          : formatDateTime(value, timeZone);
  return (
    // A relative time rendered on the server may read a minute differently once the browser renders it.
    <time
      dateTime={value.toISOString()}
      title={formatDateTimeWithZone(value, timeZone)}
      suppressHydrationWarning
    >
      {text}
    </time>
  );
}
