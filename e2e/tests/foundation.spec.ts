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
});
