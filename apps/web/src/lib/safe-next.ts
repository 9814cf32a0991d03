const FALLBACK = "/account";
// Any fixed origin will do: a path that stays on it stays on whichever origin serves the page.
const ORIGIN = "http://stockroom.invalid";
// Browsers read "\" as "/" and drop tabs and newlines, so "/\evil.example" and "/<tab>/evil.example"
// would become "//evil.example", another host. No path of ours needs either.
function hasUnsafeCharacter(path: string): boolean {
  for (let index = 0; index < path.length; index += 1) {
    const code = path.charCodeAt(index);
    if (code === 0x5c || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Only same-origin paths, so a crafted link cannot send a shopper elsewhere after signing in. */
export function safeNext(next: string | string[] | undefined): string {
  if (typeof next !== "string" || !next.startsWith("/") || hasUnsafeCharacter(next)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return FALLBACK;
  }
  return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : FALLBACK;
}
