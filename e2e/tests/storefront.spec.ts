import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { apiAs, createProduct, stockOf, uniqueEmail } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { addToCart, fillAddress, signUp } from "./shop.ts";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test("a guest browses, searches, filters, buys two products after signing up at checkout, then cancels and the stock returns", async ({
  page,
  baseURL,
}, testInfo) => {
  // A journey across several screens and roles: three times the default budget.
  test.slow();
  const lamp = await createProduct(baseURL!, { name: "Lumen Desk Lamp", price: 48, stock: 30 });
  const kettle = await createProduct(baseURL!, { name: "Lumen Tea Kettle", price: 36.5, stock: 30 });
  const reader = await apiAs(baseURL!, "staff@stockroom.dev");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Shop by category" })).toBeVisible();
  await saveScreen(page, testInfo, "home");

  await page.getByRole("searchbox", { name: "Search products" }).fill("lumen");
  await page.getByRole("searchbox", { name: "Search products" }).press("Enter");
  await expect(page.getByRole("heading", { name: "Results for “lumen”" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Products" }).getByRole("link", { name: lamp.name }),
  ).toBeVisible();

  await page.getByRole("form", { name: "Filters" }).getByLabel("In stock only").check();
  await page.getByRole("form", { name: "Filters" }).getByLabel("Sort by").selectOption("price_asc");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/inStock=1/);
  await expect(page).toHaveURL(/sort=price_asc/);
  // Wait for the filtered results (the page shows a loading state while they render), then check the order.
  const results = page.getByRole("list", { name: "Products" });
  await expect(results.getByRole("link", { name: lamp.name })).toBeVisible();
  await expect(results.getByRole("link", { name: kettle.name })).toBeVisible();
  const names = await results.getByRole("heading").allTextContents();
  expect(names.indexOf(kettle.name)).toBeGreaterThanOrEqual(0);
  expect(names.indexOf(kettle.name)).toBeLessThan(names.indexOf(lamp.name));
  await saveScreen(page, testInfo, "search-filtered");

  await page.getByRole("link", { name: lamp.name }).click();
  await expect(page.getByRole("heading", { name: lamp.name, level: 1 })).toBeVisible();
  await expect(page.getByText("In stock", { exact: true })).toBeVisible();
  await saveScreen(page, testInfo, "product");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await addToCart(page, kettle.slug, 2);
  await expect(page.getByRole("link", { name: /Cart \(3\)/ })).toBeVisible();

  await page.goto("/cart");
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  await saveScreen(page, testInfo, "cart");
  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { name: "Create an account to check out" })).toBeVisible();
  await signUp(page, uniqueEmail("guest"));
  await expect(page.getByRole("form", { name: "Shipping address" })).toBeVisible();
  await expect(page.getByRole("complementary").getByText(`2 × ${kettle.name}`)).toBeVisible();
  await fillAddress(page);
  await saveScreen(page, testInfo, "checkout");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { name: /^Order #\d+ placed$/ })).toBeVisible();
  const number = (await page.getByRole("heading", { name: /^Order #\d+ placed$/ }).textContent())!.match(
    /#(\d+)/,
  )![1]!;
  // "Placed", with the real status, and lines that lead back to what was bought.
  await expect(page.getByRole("region", { name: "Confirmation" })).toContainText("Its status is pending");
  const items = page.getByRole("region", { name: "Items" });
  await expect(items.getByRole("link", { name: lamp.name })).toHaveAttribute("href", `/p/${lamp.slug}`);
  await expect(items.getByRole("link", { name: kettle.name })).toHaveAttribute("href", `/p/${kettle.slug}`);
  await expect(items.locator("img")).toHaveCount(2);
  await saveScreen(page, testInfo, "confirmation");
  expect(await stockOf(reader, lamp.id)).toBe(29);
  expect(await stockOf(reader, kettle.id)).toBe(28);

  await page.getByRole("link", { name: "Account" }).click();
  const row = page.getByRole("row").filter({ hasText: `#${number}` });
  await expect(row).toContainText("pending");
  await saveScreen(page, testInfo, "order-history");
  await row.getByRole("link", { name: `#${number}` }).click();
  await expect(page.getByRole("heading", { name: `Order #${number}` })).toBeVisible();
  // Dates read as dates, in the shop's time zone (UTC unless SHOP_TIME_ZONE says otherwise).
  await expect(page.getByRole("listitem").filter({ hasText: "Pending" }).locator("time")).toHaveText(
    /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M UTC$/,
  );
  // The question comes in the page's own dialog; keeping the order changes nothing.
  await page.getByRole("button", { name: "Cancel order" }).click();
  const question = page.getByRole("alertdialog", { name: "Cancel this order?" });
  await expect(question).toBeVisible();
  await saveScreen(page, testInfo, "order-cancel-confirm");
  await question.getByRole("button", { name: "Keep order" }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId("order-status")).toHaveText("Pending");
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Cancelled");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await saveScreen(page, testInfo, "order-cancelled");

  await page.goto(`/p/${lamp.slug}`);
  await expect(page.getByText("In stock", { exact: true })).toBeVisible();
  expect(await stockOf(reader, lamp.id)).toBe(30);
  expect(await stockOf(reader, kettle.id)).toBe(30);
});

test("two shoppers race for the last units: one wins, the other is told which item and how many are left", async ({
  browser,
  baseURL,
}) => {
  const last = await createProduct(baseURL!, { name: "Last Call Vase", price: 25, stock: 2 });
  const shoppers = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(shoppers.map((context) => context.newPage()));
  for (const [index, page] of pages.entries()) {
    await page.goto("/sign-up");
    await signUp(page, uniqueEmail(`racer${index}`));
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await addToCart(page, last.slug, 2);
    await page.goto("/checkout");
    await fillAddress(page);
  }
  await Promise.all(pages.map((page) => page.getByRole("button", { name: "Place order" }).click()));
  const outcomes = await Promise.all(
    pages.map(async (page) => {
      const won = page.getByRole("heading", { name: /^Order #\d+ placed$/ });
      const lost = page.getByRole("alert").filter({ hasText: last.name });
      await expect(won.or(lost)).toBeVisible();
      return (await won.isVisible()) ? "won" : ((await lost.textContent()) ?? "");
    }),
  );
  expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
  expect(outcomes.find((o) => o !== "won")).toContain(`Only 0 of ${last.name} left (you asked for 2)`);
  await Promise.all(shoppers.map((context) => context.close()));
});

test("a double click on Place order creates exactly one order", async ({ page, baseURL }) => {
  const product = await createProduct(baseURL!, { name: "Double Click Mug", price: 12, stock: 10 });
  await page.goto("/sign-up");
  await signUp(page, uniqueEmail("double"));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await addToCart(page, product.slug, 1);
  await page.goto("/checkout");
  await fillAddress(page);
  await page.getByRole("button", { name: "Place order" }).dblclick();
  await expect(page.getByRole("heading", { name: /^Order #\d+ placed$/ })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  const reader = await apiAs(baseURL!, "staff@stockroom.dev");
  expect(await stockOf(reader, product.id)).toBe(9);
});

test("a shopper opening another shopper's order sees not found", async ({ browser, baseURL }) => {
  const owner = await apiAs(baseURL!, "shopper@stockroom.dev");
  const { orders } = (
    await (await owner.get("/api/trpc/order.listMine?input=%7B%22json%22%3A%7B%22limit%22%3A1%7D%7D")).json()
  ).result.data.json as {
    orders: { id: string }[];
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-up");
  await signUp(page, uniqueEmail("snoop"));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const response = await page.goto(`/orders/${orders[0]!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await context.close();
});

test("a guest cart survives a reload and merges into the account at sign-in", async ({ page, baseURL }) => {
  // A journey across several screens and roles: three times the default budget.
  test.slow();
  const product = await createProduct(baseURL!, { name: "Merge Me Candle", price: 18, stock: 20 });
  const email = uniqueEmail("merger");
  const setup = await (await import("@playwright/test")).request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL! },
  });
  await setup.post("/api/auth/sign-up/email", {
    data: { email, password: "e2e-password-123", name: "Merger" },
  });
  await setup.dispose();

  await addToCart(page, product.slug, 3);
  await page.reload();
  await expect(page.getByRole("link", { name: /Cart \(3\)/ })).toBeVisible();
  await page.goto("/sign-in?next=/cart");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("e2e-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  await expect(page.getByLabel(`Quantity of ${product.name}`)).toHaveValue("3");
  // The cart is now the account's: a fresh browser signed in as the same shopper sees it.
  const other = await apiAs(baseURL!, email, "e2e-password-123");
  const cart = (await (await other.get("/api/trpc/cart.get")).json()).result.data.json as {
    itemCount: number;
  };
  expect(cart.itemCount).toBe(3);
});

test("storefront pages have no serious or critical accessibility violations", async ({ page, baseURL }) => {
  // Several pages, each rendered and analysed by axe: more than one journey's budget on a busy machine.
  test.slow();
  const product = await createProduct(baseURL!, { name: "Axe Check Bowl", price: 22, stock: 5 });
  for (const path of [
    "/",
    "/search?q=bowl",
    `/p/${product.slug}`,
    "/cart",
    "/sign-in",
    "/sign-up",
    "/checkout",
    "/no-such-page",
  ]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  await addToCart(page, product.slug, 1);
  await page.goto("/cart");
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/");
  await expectNoSeriousA11yViolations(page);
});

test("the cart respects stock: 5 of 2 is refused with how many there are, and the cart caps the line", async ({
  page,
  baseURL,
}, testInfo) => {
  const pair = await createProduct(baseURL!, { name: "Pair of Candlesticks", price: 30, stock: 2 });
  await page.goto(`/p/${pair.slug}`);
  await expect(page.getByText("Only 2 available")).toBeVisible();
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("5");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only 2 available" })).toBeVisible();
  await saveScreen(page, testInfo, "product-quantity-over-stock");
  await expect(page.getByRole("link", { name: /Cart \(0\)/ })).toBeVisible();

  await page.getByRole("spinbutton", { name: "Quantity" }).fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart \(2\)/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "All in your cart" })).toBeDisabled();

  await page.goto("/cart");
  const line = page.getByRole("listitem").filter({ hasText: pair.name });
  await expect(line.getByRole("link", { name: pair.name })).toHaveAttribute("href", `/p/${pair.slug}`);
  await expect(line.getByText("Only 2 available")).toBeVisible();
  await expect(line.getByText("$60.00")).toBeVisible();
  await expect(line.locator("img")).toBeVisible();
  // Typing more than there is settles on the most that can be bought.
  await line.getByRole("spinbutton").fill("7");
  await expect(line.getByRole("spinbutton")).toHaveValue("2");
  await saveScreen(page, testInfo, "cart-capped");
});

test("search keeps its query, shows what is filtered as removable chips, and refuses a minimum above the maximum", async ({
  page,
  baseURL,
}, testInfo) => {
  const vase = await createProduct(baseURL!, { name: "Chipfilter Vase", price: 40, stock: 3 });
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search products" }).fill("chipfilter");
  await page.getByRole("searchbox", { name: "Search products" }).press("Enter");
  await expect(page.getByRole("heading", { name: "Results for “chipfilter”" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("chipfilter");
  await expect(page.getByText("Showing 1 product")).toBeVisible();

  const form = page.getByRole("form", { name: "Filters" });
  await form.getByLabel("Min").fill("10");
  await form.getByLabel("Max").fill("50");
  await form.getByRole("button", { name: "Apply filters" }).click();
  const chips = page.getByRole("list", { name: "Active filters" });
  await expect(chips.getByRole("link", { name: /From \$10/ })).toBeVisible();
  await expect(chips.getByRole("link", { name: /Up to \$50/ })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Products" }).getByRole("link", { name: vase.name }),
  ).toBeVisible();
  await saveScreen(page, testInfo, "search-chips");

  await chips.getByRole("link", { name: /Up to \$50/ }).click();
  await expect(page).not.toHaveURL(/max=/);
  await expect(page).toHaveURL(/min=10/);

  await form.getByLabel("Min").fill("60");
  await form.getByLabel("Max").fill("20");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "The minimum price ($60) is above the maximum ($20)" }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Products" })).toHaveCount(0);

  await chips.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole("heading", { name: "All products" })).toBeVisible();

  // Breadcrumbs lead back from a product to the store.
  await page.goto(`/p/${vase.slug}`);
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs.getByRole("link", { name: "Home" })).toHaveAttribute("href", "/");
  await expect(crumbs).toContainText(vase.name);
});
