import { type Browser, expect, type Page, request, test } from "@playwright/test";
import { createProduct } from "./api.ts";
import { saveScreen } from "./screenshots.ts";

async function signInAsStaff(browser: Browser, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill("staff@stockroom.dev");
  await page.getByLabel("Password").fill("stockroom-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const target = new URL(next, "http://placeholder");
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
  return page;
}

/** A word no other product has, so a search lists exactly this test's products. */
const uniqueWord = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("staff archive two products at once after confirming, then undo it from the notice", async ({
  browser,
  baseURL,
}, testInfo) => {
  const word = uniqueWord("pair");
  const cup = await createProduct(baseURL!, { name: `${word} Cup`, price: 9, stock: 3 });
  const jar = await createProduct(baseURL!, { name: `${word} Jar`, price: 11, stock: 3 });
  const staff = await signInAsStaff(browser, `/admin/products?q=${word}`);
  const rowOf = (name: string) => staff.getByRole("row").filter({ hasText: name });
  await expect(staff.getByRole("row")).toHaveCount(3);

  // No bar until something is selected.
  const bar = staff.getByRole("toolbar", { name: "Bulk actions" });
  await expect(bar).toHaveCount(0);
  await staff.getByRole("checkbox", { name: `Select ${cup.name}` }).check();
  await staff.getByRole("checkbox", { name: `Select ${jar.name}` }).check();
  await expect(bar).toContainText("2 selected");

  await bar.getByRole("button", { name: "Archive", exact: true }).click();
  const dialog = staff.getByRole("alertdialog", { name: "Archive 2 products?" });
  await expect(dialog).toContainText(cup.name);
  await saveScreen(staff, testInfo, "admin-products-bulk-archive-confirm");
  await dialog.getByRole("button", { name: "Archive 2 products" }).click();

  const toast = staff.getByRole("status").filter({ hasText: "2 products archived" });
  await expect(toast).toBeVisible();
  await expect(rowOf(cup.name).getByText("Archived")).toBeVisible();
  await expect(rowOf(jar.name).getByText("Archived")).toBeVisible();
  await expect(bar).toHaveCount(0);
  // Shoppers no longer find them (the catalog cache heard of the change).
  const shopper = await request.newContext({ baseURL });
  const statusOf = async (id: string) => (await shopper.get(`/api/products/${id}`)).status();
  expect([await statusOf(cup.id), await statusOf(jar.id)]).toEqual([404, 404]);
  await saveScreen(staff, testInfo, "admin-products-bulk-archived");

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "2 products back on sale" })).toBeVisible();
  await expect(rowOf(cup.name).getByText("Active")).toBeVisible();
  await expect(rowOf(jar.name).getByText("Active")).toBeVisible();
  expect([await statusOf(cup.id), await statusOf(jar.id)]).toEqual([200, 200]);
});

test("a sortable header sorts the whole list on the server: the URL and the order change", async ({
  browser,
  baseURL,
}) => {
  const word = uniqueWord("sort");
  const mid = await createProduct(baseURL!, { name: `${word} Mid`, price: 20, stock: 1 });
  const cheap = await createProduct(baseURL!, { name: `${word} Cheap`, price: 5, stock: 1 });
  const dear = await createProduct(baseURL!, { name: `${word} Dear`, price: 80, stock: 1 });
  const staff = await signInAsStaff(browser, `/admin/products?q=${word}`);
  const names = staff.locator('tbody td[data-column="name"]');
  const price = staff.getByRole("columnheader", { name: /Price/ });
  // Newest first by default, which the Added header says.
  await expect(names).toHaveText([dear.name, cheap.name, mid.name]);
  await expect(staff.getByRole("columnheader", { name: /Added/ })).toHaveAttribute("aria-sort", "descending");
  await expect(price).toHaveAttribute("aria-sort", "none");

  await price.getByRole("link").click();
  await expect(staff).toHaveURL(new RegExp(`q=${word}.*sort=price_asc|sort=price_asc.*q=${word}`));
  await expect(price).toHaveAttribute("aria-sort", "ascending");
  await expect(names).toHaveText([cheap.name, mid.name, dear.name]);
  // The filter form's own sort control agrees with the header.
  await expect(staff.getByLabel("Sort by")).toHaveValue("price_asc");

  await price.getByRole("link").click();
  await expect(staff).toHaveURL(/sort=price_desc/);
  await expect(price).toHaveAttribute("aria-sort", "descending");
  await expect(names).toHaveText([dear.name, mid.name, cheap.name]);
});

test("a hidden column stays hidden after a reload, in that table only", async ({ browser }) => {
  const staff = await signInAsStaff(browser, "/admin/products");
  const category = staff.getByRole("columnheader", { name: "Category" });
  await expect(category).toBeVisible();
  const toggle = staff.getByRole("button", { name: "Columns" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await staff
    .getByRole("group", { name: "Show columns" })
    .getByRole("checkbox", { name: "Category" })
    .uncheck();
  await expect(category).toHaveCount(0);
  await staff.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();

  await staff.reload();
  await expect(staff.getByRole("columnheader", { name: "Price" })).toBeVisible();
  await expect(category).toHaveCount(0);
  await expect(staff.locator('td[data-column="category"]')).toHaveCount(0);

  // Shown again from the same menu.
  await staff.getByRole("button", { name: "Columns" }).click();
  await staff
    .getByRole("group", { name: "Show columns" })
    .getByRole("checkbox", { name: "Category" })
    .check();
  await expect(category).toBeVisible();
});

test("the table's header stays at the top of the window while its rows scroll by", async ({ browser }) => {
  const staff = await signInAsStaff(browser, "/admin/products");
  await staff.setViewportSize({ width: 1280, height: 600 });
  const header = staff.getByRole("columnheader", { name: "Name" });
  const firstRow = staff.locator("tbody tr").first();
  await expect(firstRow).toBeVisible();
  expect(await header.evaluate((th) => getComputedStyle(th).position)).toBe("sticky");
  const start = await header.boundingBox();
  expect(start?.y).toBeGreaterThan(100);

  await staff.evaluate(() => window.scrollTo(0, 900));
  // Scrolled: the first row has left the window, the header has not.
  await expect.poll(async () => (await firstRow.boundingBox())?.y ?? 0).toBeLessThan(0);
  const stuck = await header.boundingBox();
  expect(stuck?.y).toBeGreaterThanOrEqual(0);
  expect(stuck?.y).toBeLessThan(2);
  await expect(header).toBeInViewport();
});
