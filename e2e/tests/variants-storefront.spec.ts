import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, request, test } from "@playwright/test";
import { apiAs, createProduct, uniqueEmail } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { chooseVariant, fillAddress, optionValue, signUp } from "./shop.ts";

const TEE = "everyday-organic-cotton-tee";

interface Variant {
  id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  priceCents: number;
  compareAtPriceCents: number | null;
  active: boolean;
  stock: number;
}
interface Product {
  id: string;
  name: string;
  priceCents: number;
  maxPriceCents: number;
  lowStockThreshold: number;
  options: { name: string; values: string[] }[];
  variants: Variant[];
}

/** The product as a shopper's browser reads it (tRPC product.bySlug): its variants and their stock now. */
async function productBySlug(baseURL: string, slug: string): Promise<Product> {
  const api = await request.newContext({ baseURL });
  const input = encodeURIComponent(JSON.stringify({ json: { slug } }));
  const response = await api.get(`/api/trpc/product.bySlug?input=${input}`);
  expect(response.ok()).toBe(true);
  const product = (await response.json()).result.data.json as Product;
  await api.dispose();
  return product;
}

const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** What the stock badge says (stock-badge.tsx): the shopper-facing words for what is on hand. */
const stockWords = (stock: number, threshold: number) =>
  stock <= 0 ? "Sold out" : stock <= threshold ? `Only ${stock} left` : "In stock";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The price, availability and SKU the page shows for the chosen variant. */
async function expectShowing(page: Page, product: Product, variant: Variant) {
  const panel = page.locator("[aria-live=polite]").filter({ hasText: "Availability" });
  await expect(panel.getByText(usd(variant.priceCents), { exact: true })).toBeVisible();
  await expect(panel).toContainText(stockWords(variant.stock, product.lowStockThreshold));
  await expect(panel).toContainText(`SKU ${variant.sku}`);
  for (const [option, value] of Object.entries(variant.options))
    await expect(optionValue(page, option, value)).toBeChecked();
}

test("a shopper picks size and colour, cannot add a sold-out one, shares the URL, and the order keeps the variant and SKU", async ({
  page,
  baseURL,
}, testInfo) => {
  // A journey across product, cart, checkout and order pages: three times the default budget.
  test.slow();
  const tee = await productBySlug(baseURL!, TEE);
  const buyable = tee.variants.filter((variant) => variant.active && variant.stock > 0);
  const soldOut = tee.variants.find((variant) => variant.active && variant.stock === 0);
  const first = buyable[0]!;
  // M / Black when it can be bought (the demo's), else another in stock than the one the page opens on.
  const target =
    buyable.find((variant) => variant.title === "M / Black") ??
    buyable.find((variant) => variant.id !== first.id)!;
  const dearer = buyable.find((variant) => variant.priceCents !== first.priceCents);
  expect(soldOut, "the demo tee has a sold-out variant").toBeDefined();

  await page.goto("/sign-up");
  await signUp(page, uniqueEmail("variant-buyer"));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.goto(`/p/${TEE}`);
  await expect(page.getByRole("heading", { name: tee.name, level: 1 })).toBeVisible();
  await expectShowing(page, tee, first);

  // A sold-out combination is marked before it is picked, can be picked, and cannot be added.
  const [firstOption, secondOption] = tee.options.map((option) => option.name) as [string, string];
  await chooseVariant(page, { [firstOption]: soldOut!.options[firstOption]! });
  await expect(
    page
      .getByRole("group", { name: new RegExp(`^${secondOption}:`) })
      .getByRole("radio", { name: `${soldOut!.options[secondOption]} (sold out)`, exact: true }),
  ).toBeVisible();
  await chooseVariant(page, soldOut!.options);
  await expectShowing(page, tee, soldOut!);
  await expect(page.getByRole("button", { name: "Sold out" })).toBeDisabled();
  await expect(page.getByText(`${soldOut!.title} is sold out`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?variant=${soldOut!.id}$`));
  await saveScreen(page, testInfo, "variant-sold-out");

  // The price follows the variant (the demo's XL costs more).
  if (dearer) {
    await chooseVariant(page, dearer.options);
    await expectShowing(page, tee, dearer);
  }

  await chooseVariant(page, target.options);
  await expectShowing(page, tee, target);
  await expect(page).toHaveURL(new RegExp(`\\?variant=${target.id}$`));
  await page.reload();
  await expectShowing(page, tee, target);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Added 1 × ${tee.name} (${target.title}) to your cart` }),
  ).toBeVisible();

  await page.goto("/cart");
  const line = page.getByRole("listitem").filter({ hasText: tee.name });
  await expect(line).toContainText(target.title);
  await expect(line).toContainText(`SKU ${target.sku}`);
  await expect(line).toContainText(`${usd(target.priceCents)} each`);
  await expect(line.getByRole("link", { name: tee.name })).toHaveAttribute(
    "href",
    `/p/${TEE}?variant=${target.id}`,
  );
  await expect(line.getByLabel(`Quantity of ${tee.name} (${target.title})`)).toHaveValue("1");
  await saveScreen(page, testInfo, "variant-cart");

  await page.getByRole("link", { name: "Checkout" }).click();
  const summary = page.getByRole("complementary");
  await expect(summary).toContainText(`1 × ${tee.name}`);
  await expect(summary).toContainText(`${target.title} · SKU ${target.sku}`);
  await fillAddress(page);
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { name: /^Order #\d+ placed$/ })).toBeVisible();
  const items = page.getByRole("region", { name: "Items" });
  await expect(items.getByRole("listitem")).toHaveCount(1);
  await expect(items).toContainText(`${target.title} · SKU ${target.sku}`);
  await expect(items).toContainText(`1 × ${usd(target.priceCents)}`);
  await expect(items.getByRole("link", { name: tee.name })).toHaveAttribute(
    "href",
    `/p/${TEE}?variant=${target.id}`,
  );
  await saveScreen(page, testInfo, "variant-confirmation");

  await page.goto(page.url().replace(/\?.*$/, ""));
  await expect(page.getByRole("heading", { name: /^Order #\d+$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Items" })).toContainText(
    `${target.title} · SKU ${target.sku}`,
  );
});

test("a link to an unknown variant opens on the first that can be bought", async ({ page, baseURL }) => {
  const tee = await productBySlug(baseURL!, TEE);
  const first = tee.variants.find((variant) => variant.active && variant.stock > 0)!;
  await page.goto(`/p/${TEE}?variant=00000000-0000-4000-8000-000000000000`);
  await expectShowing(page, tee, first);
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
});

test("a guest adds a variant, signs up at checkout, and the variant is in the account's cart", async ({
  page,
  baseURL,
}) => {
  test.slow();
  const tee = await productBySlug(baseURL!, TEE);
  const chosen = tee.variants.filter((variant) => variant.active && variant.stock >= 2).at(-1)!;
  await page.goto(`/p/${TEE}`);
  await chooseVariant(page, chosen.options);
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("link", { name: /Cart \(2\)/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: /Cart \(2\)/ })).toBeVisible();

  await page.goto("/cart");
  await expect(page.getByRole("listitem").filter({ hasText: tee.name })).toContainText(
    `${chosen.title} · SKU ${chosen.sku}`,
  );
  await page.getByRole("link", { name: "Checkout" }).click();
  const email = uniqueEmail("variant-guest");
  await signUp(page, email);
  await expect(page.getByRole("form", { name: "Shipping address" })).toBeVisible();
  await expect(page.getByRole("complementary")).toContainText(`2 × ${tee.name}`);
  await expect(page.getByRole("complementary")).toContainText(`${chosen.title} · SKU ${chosen.sku}`);

  const account = await apiAs(baseURL!, email, "e2e-password-123");
  const cart = (await (await account.get("/api/trpc/cart.get")).json()).result.data.json as {
    items: { variantId: string; quantity: number }[];
  };
  expect(cart.items).toEqual([expect.objectContaining({ variantId: chosen.id, quantity: 2 })]);
  await account.dispose();
});

test("a guest cart saved before variants (product only) still shows and merges at sign-up", async ({
  page,
  baseURL,
}) => {
  const lamp = await createProduct(baseURL!, { name: "Legacy Cart Lamp", price: 21, stock: 9 });
  await page.goto("/");
  await page.evaluate(
    (productId) => localStorage.setItem("stockroom.cart", JSON.stringify([{ productId, quantity: 2 }])),
    lamp.id,
  );
  await page.goto("/cart");
  const line = page.getByRole("listitem").filter({ hasText: lamp.name });
  await expect(line.getByLabel(`Quantity of ${lamp.name}`)).toHaveValue("2");
  await expect(line).toContainText("$42.00");
  await page.goto("/sign-up");
  const email = uniqueEmail("legacy-cart");
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const account = await apiAs(baseURL!, email, "e2e-password-123");
  const cart = (await (await account.get("/api/trpc/cart.get")).json()).result.data.json as {
    items: { productId: string; quantity: number }[];
  };
  expect(cart.items).toEqual([expect.objectContaining({ productId: lamp.id, quantity: 2 })]);
  await account.dispose();
});

test("product cards show a price range and the picker shows a markdown struck through", async ({
  page,
  baseURL,
}) => {
  const tee = await productBySlug(baseURL!, TEE);
  await page.goto(`/search?q=${encodeURIComponent(tee.name)}`);
  const card = page
    .getByRole("list", { name: "Products" })
    .getByRole("listitem")
    .filter({ hasText: tee.name });
  await expect(card).toContainText(
    tee.priceCents < tee.maxPriceCents ? `From ${usd(tee.priceCents)}` : usd(tee.priceCents),
  );

  const pocket = await productBySlug(baseURL!, "heavyweight-pocket-tee");
  const onSale = pocket.variants.find(
    (variant) => variant.active && (variant.compareAtPriceCents ?? 0) > variant.priceCents,
  );
  expect(onSale, "the demo pocket tee has a variant on sale").toBeDefined();
  await page.goto(`/p/heavyweight-pocket-tee?variant=${onSale!.id}`);
  const was = page.locator("s").filter({ hasText: usd(onSale!.compareAtPriceCents!) });
  await expect(was).toHaveText(`Was ${usd(onSale!.compareAtPriceCents!)}`);
  await expect(page.getByText(`Now ${usd(onSale!.priceCents)}`)).toBeAttached();
});

test("the variant picker has no serious or critical accessibility violations at 1280 and 360 px", async ({
  page,
}, testInfo) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/p/${TEE}`);
  await expect(page.getByRole("group", { name: /^Size:/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await saveScreen(page, testInfo, "variant-picker-1280");

  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await expect(page.getByRole("group", { name: /^Colour:/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
  await saveScreen(page, testInfo, "variant-picker-360");
});
