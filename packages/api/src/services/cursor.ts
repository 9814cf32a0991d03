import { InvalidInputError } from "../errors.ts";
import { INT4_MAX } from "../schemas/text.ts";

// Opaque keyset cursors: base64url JSON of the last row's sort key and id. Every cursor a client
// sends back is validated here, so a forged one is a 400, never a database error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Postgres timestamps cannot hold every JavaScript date; real rows lie well inside these years.
const EARLIEST = Date.parse("0001-01-01T00:00:00.000Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

function encode(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

function decode(cursor: string): unknown[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parts)) return parts;
  } catch {}
  return invalid(cursor);
}

function invalid(cursor: string): never {
  throw new InvalidInputError("Invalid cursor", { cursor });
}

/** Text Postgres can hold: no NUL. */
function isText(value: unknown): value is string {
  return typeof value === "string" && !value.includes("\u0000");
}

function checkedId(id: unknown, uuid: boolean, cursor: string): string {
  if (!isText(id) || id.length === 0 || id.length > 200 || (uuid && !UUID.test(id))) invalid(cursor);
  return id;
}

function checkedDate(value: unknown, cursor: string): Date {
  const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
  const time = date.getTime();
  if (Number.isNaN(time) || time < EARLIEST || time > LATEST) invalid(cursor);
  return date;
}

/** What a sort's key must be, so a forged value never reaches Postgres: a date, int4 cents, or text. */
const sortValueKinds: Record<string, "date" | "int4" | "text"> = {
  newest: "date",
  oldest: "date",
  price_asc: "int4",
  price_desc: "int4",
  name: "text",
};

function checkedSortValue(sort: string, value: unknown, cursor: string): string | number {
  switch (sortValueKinds[sort]) {
    case "date":
      return checkedDate(value, cursor).toISOString();
    case "int4":
      if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0 || value > INT4_MAX)
        invalid(cursor);
      return value;
    case "text":
      if (!isText(value)) invalid(cursor);
      return value;
    default:
      return invalid(cursor);
  }
}

/** Keyset over (createdAt, id). `uuid: false` for tables with text ids (users). */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return encode([row.createdAt.toISOString(), row.id]);
}

export function decodeCursor(
  cursor: string,
  options: { uuid?: boolean } = {},
): { createdAt: Date; id: string } {
  const [createdAt, id] = decode(cursor);
  return { createdAt: checkedDate(createdAt, cursor), id: checkedId(id, options.uuid ?? true, cursor) };
}

/**
 * Keyset over a sort value and a uuid id, tagged with the sort it belongs to. The value is checked
 * against the sort's kind (sortValueKinds): a sort this file does not know is refused.
 */
export function encodeSortCursor(sort: string, value: string | number, id: string): string {
  return encode([sort, value, id]);
}

export function decodeSortCursor(cursor: string, sort: string): { value: string | number; id: string } {
  const [cursorSort, value, id] = decode(cursor);
  if (cursorSort !== sort) invalid(cursor);
  return { value: checkedSortValue(sort, value, cursor), id: checkedId(id, true, cursor) };
}
