import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDateTimeWithZone,
  formatRelativeTime,
  isTimeZone,
} from "./dates.ts";

// 2026-12-01 23:42:27 UTC: already Dec 2 in Tokyo, still Dec 1 in New York.
const at = new Date("2026-12-01T23:42:27Z");

describe("dates", () => {
  it("formats a date and a date-time in the shop's time zone", () => {
    expect(formatDate(at)).toBe("Dec 1, 2026");
    expect(formatDateTime(at)).toBe("Dec 1, 2026, 11:42 PM");
    expect(formatDate(at, "Asia/Tokyo")).toBe("Dec 2, 2026");
    expect(formatDateTime(at, "America/New_York")).toBe("Dec 1, 2026, 6:42 PM");
    expect(formatDateTimeWithZone(at, "America/New_York")).toBe("Dec 1, 2026, 6:42 PM EST");
  });

  it("says how long ago for the last week, and the date beyond it or in the future", () => {
    const ago = (ms: number) => formatRelativeTime(new Date(at.getTime() - ms), at);
    expect(ago(20_000)).toBe("just now");
    expect(ago(5 * 60_000)).toBe("5 minutes ago");
    expect(ago(3 * 3_600_000 + 59 * 60_000)).toBe("3 hours ago");
    expect(ago(25 * 3_600_000)).toBe("yesterday");
    expect(ago(4 * 86_400_000)).toBe("4 days ago");
    expect(ago(8 * 86_400_000)).toBe("Nov 23, 2026, 11:42 PM");
    expect(formatRelativeTime(new Date(at.getTime() + 60_000), at)).toBe("Dec 1, 2026, 11:43 PM");
  });

  it("knows which time zones exist", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
