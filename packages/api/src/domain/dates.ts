/**
 * Dates and times as people read them: one locale, the shop's time zone, and relative times for the
 * recent past. Pure (Intl only), so the web app's server and client components and the API format
 * alike; the web app imports this through `@stockroom/api/schemas`.
 */

const LOCALE = "en-US";

/** The shop's time zone where none is configured. */
export const DEFAULT_TIME_ZONE = "UTC";

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(kind: "date" | "dateTime" | "dateTimeZone", timeZone: string): Intl.DateTimeFormat {
  const cacheKey = `${kind}|${timeZone}`;
  let format = formats.get(cacheKey);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { dateStyle: "medium", timeZone }
        : kind === "dateTime"
          ? { dateStyle: "medium", timeStyle: "short", timeZone }
          : {
              year: "numeric",
              month: "short",
              day: "numeric",
              hour: "numeric",
              minute: "2-digit",
              timeZoneName: "short",
              timeZone,
            };
    format = new Intl.DateTimeFormat(LOCALE, options);
    formats.set(cacheKey, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone Intl knows (for validating configuration). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "Dec 1, 2026" */
export function formatDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("date", timeZone).format(date);
}

/** "Dec 1, 2026, 6:42 PM" */
export function formatDateTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("dateTime", timeZone).format(date);
}

/** "Dec 1, 2026, 6:42 PM EST": where the zone matters (an order's history, the audit log's tooltips). */
export function formatDateTimeWithZone(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat("dateTimeZone", timeZone).format(date);
}

const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago"; a week or more ago (or a
 * time in the future) is the date and time itself, since "23 days ago" is harder to place than a date.
 */
export function formatRelativeTime(date: Date, now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const ago = now.getTime() - date.getTime();
  if (ago < 0 || ago >= 7 * DAY) return formatDateTime(date, timeZone);
  if (ago < MINUTE) return "just now";
  if (ago < HOUR) return relative.format(-Math.floor(ago / MINUTE), "minute");
  if (ago < DAY) return relative.format(-Math.floor(ago / HOUR), "hour");
  return relative.format(-Math.floor(ago / DAY), "day");
}
