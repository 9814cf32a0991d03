import { expect, type Page, test } from "@playwright/test";
import { createProduct } from "./api.ts";
import { saveScreen } from "./screenshots.ts";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function expectNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("at 360 px the header is a row of icons and the filters open in a drawer, so products are on the first screen", async ({
  page,
  baseURL,
}, testInfo) => {
  test.slow();
  const lamp = await createProduct(baseURL!, { name: "Pocket Lumen Lamp", price: 19, stock: 5 });
  const torch = await createProduct(baseURL!, { name: "Pocket Lumen Torch", price: 12, stock: 0 });

  await page.goto("/");
  const header = page.getByRole("banner");
  const account = header.getByRole("navigation", { name: "Account" });
  // Icons with their names for screen readers: the visible text is gone, the accessible name is not.
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(account.getByText("Sign in", { exact: true })).toHaveClass(/sr-only/);
  await expect(account.getByRole("link", { name: /Cart \(0\)/ })).toBeVisible();
  const headerBox = (await header.boundingBox())!;
  expect(headerBox.height).toBeLessThan(130);
  await expectNoSideways(page);
  await saveScreen(page, testInfo, "home-360");

  await page.getByRole("searchbox", { name: "Search products" }).fill("pocket lumen");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Results for “pocket lumen”" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Filters" })).toBeHidden();
  const firstCard = page.getByRole("list", { name: "Products" }).getByRole("listitem").first();
  await expect(firstCard).toBeVisible();
  expect((await firstCard.boundingBox())!.y).toBeLessThan(740);
  await expectNoSideways(page);
  await saveScreen(page, testInfo, "search-360");

  await page.getByRole("button", { name: "Filters (1)" }).click();
  const drawer = page.getByRole("dialog", { name: "Filters" });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel("In stock only").check();
  await saveScreen(page, testInfo, "filter-drawer-360");
  await drawer.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/inStock=1/);
  await expect(page.getByRole("dialog", { name: "Filters" })).toBeHidden();
  const results = page.getByRole("list", { name: "Products" });
  await expect(results.getByRole("link", { name: lamp.name })).toBeVisible();
  await expect(results.getByRole("link", { name: torch.name })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Filters (2)" })).toBeVisible();

  // Closing the drawer without applying leaves the results as they were.
  await page.getByRole("button", { name: "Filters (2)" }).click();
  await page.getByRole("dialog", { name: "Filters" }).getByRole("button", { name: "Close filters" }).click();
  await expect(page.getByRole("dialog", { name: "Filters" })).toBeHidden();
  await expect(page).toHaveURL(/inStock=1/);

  await results.getByRole("link", { name: lamp.name }).click();
  await expect(page.getByRole("heading", { name: lamp.name, level: 1 })).toBeVisible();
  await expectNoSideways(page);
  await saveScreen(page, testInfo, "product-360");
});
