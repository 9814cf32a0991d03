/** Only same-site paths, so a crafted link cannot send a shopper elsewhere after signing in. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/account";
}
