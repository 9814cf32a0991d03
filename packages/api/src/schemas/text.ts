import { z } from "zod";

// Every string the API accepts starts from one of these, so none can carry a NUL byte to Postgres
// (text cannot hold one: error 22021, which used to answer 500). Pure zod: the web app's forms use them.

export const NUL_MESSAGE = "Must not contain NUL characters";
export const CONTROL_MESSAGE = "Must not contain control characters";
export const UNICODE_MESSAGE = "Must be valid Unicode text";

const hasNoNul = (value: string) => !value.includes("\u0000");
// C0 controls other than NUL (which has its own message), and DEL.
const hasNoControl = (value: string) => {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if ((code > 0 && code < 0x20) || code === 0x7f) return false;
  }
  return true;
};

/**
 * Free text such as a description or a note: anything but NUL, so newlines and tabs stay. A lone
 * surrogate (half of a UTF-16 pair) is refused too: text columns would silently store U+FFFD in its
 * place, and jsonb (the audit log) refuses it outright.
 */
export function text() {
  return z
    .string()
    .refine(hasNoNul, NUL_MESSAGE)
    .refine((value) => value.isWellFormed(), UNICODE_MESSAGE);
}

/** One line such as a name, slug, id, search or filter: no NUL and no other control characters. */
export function singleLineText() {
  return text().refine(hasNoControl, CONTROL_MESSAGE);
}

/** Largest value of a Postgres `integer` (int4) column: integer inputs are bounded by it or less. */
export const INT4_MAX = 2_147_483_647;

// Postgres timestamps hold 4713 BC to 294276 AD; JavaScript dates reach further back, so bound them.
const EARLIEST_DATE = new Date("0001-01-01T00:00:00.000Z");
const LATEST_DATE = new Date("9999-12-31T23:59:59.999Z");

/** A date filter (Date, or a string the Date constructor reads) that Postgres can compare with. */
export function dateFilter() {
  return z.coerce
    .date()
    .min(EARLIEST_DATE, "Use a date from year 1 on")
    .max(LATEST_DATE, "Use a date before year 10000");
}

/** An opaque page cursor from an earlier answer (services/cursor.ts validates what is inside). */
export function pageCursor() {
  // A name cursor holds up to 200 characters of UTF-8 and a uuid, base64url-encoded: well under this.
  return singleLineText().min(1).max(4000);
}
