const FALLBACK = "/account";
// Any fixed origin will do: a path that stays on it stays on whichever origin serves the page.
const ORIGIN = "http://stockroom.invalid";
// Browsers read "\" as "/" and drop tabs and newlines, so "/\evil.example" and "/<tab>/evil.example"
// would become "//evil.example", another host. No path of ours needs either.
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/** Only same-origin paths, so a crafted link cannot send a shopper elsewhere after signing in. */
export function safeNext(next: string | string[] | undefined): string {
  if (typeof next !== "string" || !next.startsWith("/") || UNSAFE.test(next)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return FALLBACK;
  }
  return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : FALLBACK;
}
