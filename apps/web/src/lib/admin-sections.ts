/** `href` is the current section when the path is it or lies below it (the dashboard only itself). */
export function isCurrentSection(pathname: string, href: string): boolean {
  if (href === "/admin") return pathname === "/admin";
  return pathname === href || pathname.startsWith(`${href}/`);
}
