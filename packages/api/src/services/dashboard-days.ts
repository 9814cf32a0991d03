/**
 * Calendar days in the shop's time zone, as "YYYY-MM-DD" strings. Day arithmetic is done on the
 * calendar date itself (UTC), so a daylight-saving change never skips or repeats a day; SQL turns a
 * day into its first instant with `day::timestamp AT TIME ZONE zone`.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day `at` falls on in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** `count` consecutive days from `first`. */
export function daysFrom(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => addDays(first, index));
}
