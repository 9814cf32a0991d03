/** `text` as a literal inside an ILIKE pattern: its `%`, `_` and `\` match themselves. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
