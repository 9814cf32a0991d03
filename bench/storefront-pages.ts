import pg from "pg";

/** The storefront pages measured: home, a category page and a product page of the demo shop. */
export async function storefrontPaths(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ category: string; product: string }>(
      `SELECT c.slug AS category, p.slug AS product FROM product p JOIN category c ON c.id = p."categoryId"
       WHERE p.active AND p.slug NOT LIKE 'bench-%' ORDER BY c.position, p."createdAt" LIMIT 1`,
    );
    const first = rows[0];
    if (!first) throw new Error("the demo seed has no product with a category");
    return ["/", `/c/${first.category}`, `/p/${first.product}`];
  } finally {
    await client.end();
  }
}

/** The HTML the real storefront answered for each page, for the baseline to serve byte for byte. */
export async function captureStorefrontPages(
  webOrigin: string,
  paths: string[],
): Promise<Record<string, string>> {
  const pages: Record<string, string> = {};
  for (const path of paths) {
    const response = await fetch(`${webOrigin}${path}`);
    if (!response.ok) throw new Error(`storefront ${path} answered ${response.status}`);
    pages[path] = await response.text();
  }
  return pages;
}
