import { InvalidInputError } from "../errors.ts";

// Opaque keyset cursors: base64url JSON of the last row's sort key and id. Every cursor a client
// sends back is validated here, so a forged one is a 400, never a database error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encode(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

function decode(cursor: string): unknown[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parts)) return parts;
  } catch {}
  throw new InvalidInputError("Invalid cursor", { cursor });
}

function checkedId(id: unknown, uuid: boolean, cursor: string): string {
  if (typeof id !== "string" || id.length === 0 || (uuid && !UUID.test(id)))
    throw new InvalidInputError("Invalid cursor", { cursor });
  return id;
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
  const date = typeof createdAt === "string" ? new Date(createdAt) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new InvalidInputError("Invalid cursor", { cursor });
  return { createdAt: date, id: checkedId(id, options.uuid ?? true, cursor) };
}

/** Keyset over any sort value and a uuid id, tagged with the sort it belongs to. */
export function encodeSortCursor(sort: string, value: string | number, id: string): string {
  return encode([sort, value, id]);
}

export function decodeSortCursor(cursor: string, sort: string): { value: string | number; id: string } {
  const [cursorSort, value, id] = decode(cursor);
  if (cursorSort !== sort || (typeof value !== "string" && typeof value !== "number")) {
    throw new InvalidInputError("Invalid cursor", { cursor });
  }
  return { value, id: checkedId(id, true, cursor) };
}
