import { expect, test } from "@playwright/test";
import { saveScreen } from "./screenshots.ts";

test("the storefront renders the seeded categories from the API", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Stockroom", level: 1 })).toBeVisible();
  const categories = page.getByRole("region", { name: "Shop by category" }).getByRole("listitem");
  await expect(categories).toHaveCount(8);
  await saveScreen(page, testInfo, "storefront-home");
});

test("the browser reaches the API through the web app's /api proxy on the same origin", async ({
  page,
  baseURL,
}) => {
  const response = await page.request.get("/api/trpc/product.categories");
  expect(response.status()).toBe(200);
  expect(response.url().startsWith(baseURL!)).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { slug: string }[] } } };
  expect(body.result.data.json.length).toBe(8);
});

test("the admin console sends anonymous visitors to sign in, and unknown pages answer not found", async ({
  page,
}) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin|\/sign-in\?next=\/admin/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
});

test("every page has its icons: /favicon.ico, an SVG icon and an Apple touch icon", async ({ page }) => {
  await page.goto("/");
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    [await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href"), "image/svg+xml"],
    [await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"), "image/png"],
  ] as const) {
    const response = await page.request.get(path!);
    expect(response.status(), path!).toBe(200);
    expect(response.headers()["content-type"], path!).toContain(type);
  }
});

test("a product page's <title> is in the HTML's head, not streamed into the body", async ({ page }) => {
  await page.goto("/");
  const href = (await page.locator('a[href^="/p/"]').first().getAttribute("href"))!;
  // An ordinary desktop Chrome: Next.js streams metadata to every client it does not take for a bot.
  const chrome =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
  const html = await (await page.request.get(href, { headers: { "user-agent": chrome } })).text();
  const head = html.slice(0, html.indexOf("</head>"));
  expect(head).toMatch(/<title>[^<]+ · Stockroom<\/title>/);
});
