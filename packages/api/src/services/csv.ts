/**
 * A small RFC 4180 reader and writer. Written here rather than taken from npm because the product
 * CSV needs only quotes, escaped quotes, separators and line breaks inside quotes, and CRLF, and it
 * needs the line each record starts on (for per-row errors), which the sync APIs of csv-parse expose
 * only through extra options; ~100 lines we test beat another dependency to keep pinned.
 */

export interface CsvRecord {
  /** The physical line (1-based) the record starts on; quoted line breaks make records span lines. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

/**
 * Parses CSV text into records. Accepts CRLF, LF or a lone CR as line breaks, ignores a leading
 * byte-order mark (spreadsheets write one) and skips blank lines. A quote inside an unquoted field is
 * kept as it is (`12" pan`); text after a closing quote and an unclosed quote are errors. A cell the
 * writer neutralised as a formula (`'=1`) reads back as it was (`=1`): see neutraliseFormula.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = () => {
    fields.push(restoreFormula(field));
    field = "";
  };
  const endRecord = () => {
    endField();
    // A blank line is one empty field: not a record.
    if (fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
  };
  /** Length of the line break at `at` (2 for CRLF), or 0. */
  const lineBreakAt = (at: number) =>
    text[at] === "\r" ? (text[at + 1] === "\n" ? 2 : 1) : text[at] === "\n" ? 1 : 0;

  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === "") {
      // A quoted field: runs to the next quote not doubled.
      const openedOn = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError("A quoted field is never closed", openedOn);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        const lineBreak = lineBreakAt(i);
        if (lineBreak > 0) line += 1;
        field += text.slice(i, i + Math.max(lineBreak, 1));
        i += Math.max(lineBreak, 1);
      }
      if (i < text.length && text[i] !== "," && lineBreakAt(i) === 0) {
        throw new CsvSyntaxError("Unexpected text after a closing quote", line);
      }
      continue;
    }
    if (char === ",") {
      endField();
      i += 1;
      continue;
    }
    const lineBreak = lineBreakAt(i);
    if (lineBreak > 0) {
      endRecord();
      i += lineBreak;
      line += 1;
      recordLine = line;
      continue;
    }
    field += char;
    i += 1;
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula. The writer prefixes such a text cell with a
 * single quote (and quotes the field), which spreadsheets show as text. To keep round trips exact it
 * also escapes a value that already starts with quotes followed by one of those characters, so the
 * reader strips exactly one quote from every cell of the form `'+` then a formula character, and
 * from no other cell: `=1` ↔ `'=1`, `'=1` ↔ `''=1`, while `'hello` and `it's` are left alone.
 */
const formulaText = /^'*[=+\-@\t\r]/;
const escapedFormulaText = /^'+[=+\-@\t\r]/;

/** A text cell as the writer stores it: formula-like text gets a leading single quote. */
export function neutraliseFormula(value: string): string {
  return formulaText.test(value) ? `'${value}` : value;
}

/** The reader's inverse of neutraliseFormula. */
export function restoreFormula(value: string): string {
  return escapedFormulaText.test(value) ? value.slice(1) : value;
}

/**
 * A numeric cell, written as it is and never formula-escaped: "-5" is minus five to a spreadsheet, not
 * a formula, and a cell checked to hold only a number cannot carry one.
 */
export interface CsvNumber {
  readonly number: string;
}

export function csvNumber(value: number | string): CsvNumber {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new TypeError(`Not a CSV number: ${text}`);
  return { number: text };
}

/** A string is a text cell (formula-neutralised); numbers go through csvNumber. */
export type CsvCell = string | CsvNumber;

const needsQuotes = /[",\r\n]/;

/**
 * One field, quoted when it holds a quote, a comma or a line break (quotes doubled), or when it is a
 * neutralised formula (OWASP: prefix with a quote and quote the cell).
 */
export function formatCsvField(cell: CsvCell): string {
  if (typeof cell !== "string") return cell.number;
  const value = neutraliseFormula(cell);
  return needsQuotes.test(value) || value !== cell ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Records as CSV text: CRLF after every record, as RFC 4180 writes it. parseCsv reads it back to the
 * same strings (numeric cells as their text).
 */
export function serializeCsv(records: readonly (readonly CsvCell[])[]): string {
  return records.map((record) => `${record.map(formatCsvField).join(",")}\r\n`).join("");
}
