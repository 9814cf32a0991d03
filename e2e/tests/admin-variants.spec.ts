import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { apiAs, createProduct } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { signInAs } from "./staff.ts";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

interface RestProduct {
  id: string;
  slug: string;
  options: { name: string; values: string[] }[];
  variants: { id: string; sku: string; title: string; price: number; stock: number; active: boolean }[];
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** The grid's row of a variant: its row header starts with the variant's title (an error may follow). */
const row = (page: Page, title: string) =>
  page
    .getByTestId("variant-row")
    .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${escapeRegExp(title)}( |$)`) }) });
const SIZES = ["S", "M", "L"];
const COLOURS = ["Black", "White"];
const TITLES = SIZES.flatMap((size) => COLOURS.map((colour) => `${size} / ${colour}`));

test("staff create a product in sizes and colours, generate its 6 variants, price and stock them in the grid, and edit them there", async ({
  browser,
  baseURL,
}, testInfo) => {
  // A journey across several screens: three times the default budget.
  test.slow();
  // Another product's SKU, for the refusals below.
  const other = await createProduct(baseURL!, { name: "Sku Holder Mug", price: 9, stock: 1 });
  const api = await apiAs(baseURL!, "admin@stockroom.dev");
  const takenSku = ((await (await api.get(`/api/products/${other.id}`)).json()) as RestProduct).variants[0]!
    .sku;
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/products/new");
  const name = `Variant Tee ${unique()}`;
  await staff.getByLabel("Name", { exact: true }).fill(name);
  await staff.getByLabel("Description").fill("An organic cotton tee in three sizes and two colours");
  await staff.getByRole("button", { name: "Add option" }).click();
  await staff.getByLabel("Option 1 name").fill("Size");
  await staff.getByLabel("Option 1 values").fill("S, M, L");
  await staff.getByRole("button", { name: "Add option" }).click();
  await staff.getByLabel("Option 2 name").fill("Colour");
  await staff.getByLabel("Option 2 values").fill("Black, White");
  // With options, the price and stock belong to each variant.
  await expect(staff.getByLabel("Price", { exact: true })).toHaveCount(0);

  // Creating before generating is refused with a way forward.
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(
    staff.getByRole("alert").filter({ hasText: "Generate the variants of these options" }),
  ).toBeVisible();
  await staff.getByRole("button", { name: "Generate variants" }).click();
  await expect(staff.getByTestId("variant-row")).toHaveCount(6);
  for (const [index, title] of TITLES.entries()) {
    await expect(staff.getByTestId("variant-row").nth(index)).toContainText(title);
    await staff.getByLabel(`Price of ${title}`, { exact: true }).fill(title.startsWith("M") ? "24" : "20");
    await staff.getByLabel(`Stock of ${title}`, { exact: true }).fill(String(index + 1));
  }
  // A blank price is refused on its own row before anything is sent.
  await staff.getByLabel("Price of L / White", { exact: true }).fill("");
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(row(staff, "L / White")).toContainText("Enter a price");
  await expect(staff.getByLabel("Price of L / White", { exact: true })).toHaveAccessibleDescription(
    "Enter a price",
  );
  await staff.getByLabel("Price of L / White", { exact: true }).fill("20");
  // A SKU another product has is refused on the row that holds it, not only above the form.
  await staff.getByLabel("SKU of M / Black", { exact: true }).fill(takenSku);
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(row(staff, "M / Black")).toContainText(`SKU ${takenSku} is already in use`);
  await expect(staff.getByLabel("SKU of M / Black", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(staff).toHaveURL(/\/admin\/products\/new$/);
  await saveScreen(staff, testInfo, "admin-variants-new-taken-sku");
  await staff.getByLabel("SKU of M / Black", { exact: true }).fill("");
  await staff.setViewportSize({ width: 1280, height: 900 });
  await saveScreen(staff, testInfo, "admin-variants-new-grid-1280");
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(staff.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(staff).toHaveURL(/\/admin\/products\/[^/]+$/);
  const productId = new URL(staff.url()).pathname.split("/").pop()!;

  // The edit page shows the variants as saved, in their order, in the grid.
  await expect(staff.getByTestId("variant-row")).toHaveCount(6);
  await expect(staff.getByLabel("Price of M / Black", { exact: true })).toHaveValue("24");
  await expect(staff.getByLabel("Price of S / White", { exact: true })).toHaveValue("20");
  await expect(staff.getByLabel("Stock of L / White", { exact: true })).toHaveValue("6");
  await expect(staff.getByText(`21 in stock across 6 variants`)).toBeVisible();
  await saveScreen(staff, testInfo, "admin-variants-grid-1280");
  await expectNoSeriousA11yViolations(staff);
  await staff.setViewportSize({ width: 360, height: 740 });
  await saveScreen(staff, testInfo, "admin-variants-grid-360");
  // At 360 px the grid scrolls sideways in its own box (its screen-reader labels too), not the page.
  const grid = staff.getByRole("region", { name: "Variants grid" });
  const gridBox = (await grid.boundingBox())!;
  expect(gridBox.x + gridBox.width).toBeLessThanOrEqual(360);
  expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await staff.setViewportSize({ width: 1280, height: 900 });

  // Several changes saved at once, all or nothing: a SKU another product has is refused on its row,
  // and nothing is saved (neither the other rows' edits, nor the stock, nor the order).
  await staff.getByLabel("Price of L / White", { exact: true }).fill("21.50");
  await staff.getByLabel("Stock of S / Black", { exact: true }).fill("9");
  await staff.getByLabel("SKU of M / White", { exact: true }).fill(takenSku);
  await staff.getByRole("button", { name: "Move L / White up" }).click();
  await expect(staff.getByTestId("variant-row").nth(4)).toContainText("L / White");
  await staff.getByRole("button", { name: "Save variants" }).click();
  await expect(row(staff, "M / White")).toContainText(`SKU ${takenSku} is already in use`);
  await expect(staff.getByLabel("SKU of M / White", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(
    staff.getByRole("alert").filter({ hasText: `Nothing was saved: SKU ${takenSku} is already in use` }),
  ).toBeVisible();

  const stored = (await (await api.get(`/api/products/${productId}`)).json()) as RestProduct;
  expect(stored.options).toEqual([
    { name: "Size", values: SIZES },
    { name: "Colour", values: COLOURS },
  ]);
  const byTitle = Object.fromEntries(stored.variants.map((variant) => [variant.title, variant]));
  expect(stored.variants.map((variant) => variant.title)).toEqual(TITLES);
  expect(byTitle["L / White"]).toMatchObject({ price: 20, stock: 6 });
  expect(byTitle["S / Black"]).toMatchObject({ price: 20, stock: 1 });
  expect(byTitle["M / Black"]).toMatchObject({ price: 24 });
  expect(byTitle["M / White"]!.sku).not.toBe(takenSku);
  // What was typed stays in the grid, to be fixed.
  await expect(staff.getByLabel("Price of L / White", { exact: true })).toHaveValue("21.50");
  await expect(staff.getByTestId("variant-row").nth(4)).toContainText("L / White");

  // Fixed, it saves; the storefront's product answers with the six variants and their prices.
  await staff.getByLabel("SKU of M / White", { exact: true }).fill(`${stored.variants[0]!.sku}-FIXED`);
  await staff.getByRole("button", { name: "Save variants" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Variants saved" })).toBeVisible();
  await expect(row(staff, "M / White")).not.toContainText("already in use");
  const shopper = await (await browser.newContext()).newPage();
  const publicProduct = (await (
    await shopper.request.get(`/api/products/${productId}`)
  ).json()) as RestProduct;
  expect(publicProduct.variants.map((variant) => [variant.title, variant.price])).toEqual([
    ["S / Black", 20],
    ["S / White", 20],
    ["M / Black", 24],
    ["M / White", 24],
    ["L / White", 21.5],
    ["L / Black", 20],
  ]);
  expect(publicProduct.variants.find((variant) => variant.title === "M / White")!.sku).toBe(
    `${stored.variants[0]!.sku}-FIXED`,
  );
  expect(publicProduct.variants.find((variant) => variant.title === "S / Black")!.stock).toBe(9);

  // Two variants' SKUs swapped in one save: each is the other's until both have moved.
  const skuOf = (title: string) => publicProduct.variants.find((variant) => variant.title === title)!.sku;
  const [blackSku, whiteSku] = [skuOf("S / Black"), skuOf("S / White")];
  await staff.getByLabel("SKU of S / Black", { exact: true }).fill(whiteSku);
  await staff.getByLabel("SKU of S / White", { exact: true }).fill(blackSku);
  await staff.getByRole("button", { name: "Save variants" }).click();
  await expect
    .poll(async () => {
      const swapped = (await (await api.get(`/api/products/${productId}`)).json()) as RestProduct;
      return ["S / Black", "S / White"].map(
        (title) => swapped.variants.find((variant) => variant.title === title)!.sku,
      );
    })
    .toEqual([whiteSku, blackSku]);
  await expect(staff.getByLabel("SKU of S / Black", { exact: true })).toHaveValue(whiteSku);
  await expect(staff.getByLabel("SKU of S / Black", { exact: true })).not.toHaveAttribute("aria-invalid");
  await expect(staff.getByRole("alert").filter({ hasText: "Nothing was saved" })).toHaveCount(0);
  await shopper.goto(`/p/${publicProduct.slug}`);
  await expect(shopper.getByRole("heading", { name, level: 1 })).toBeVisible();
});

test("inventory lists each variant with its SKU; its stock page adjusts one variant and shows that variant's ledger; the grid reports stock changed meanwhile; ⌘K finds the product by SKU", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.slow();
  const api = await apiAs(baseURL!, "admin@stockroom.dev");
  const suffix = unique().toUpperCase();
  const name = `Variant Beanie ${suffix}`;
  const created = await api.post("/api/products", {
    data: {
      name,
      description: "A beanie in two sizes",
      options: [{ name: "Size", values: ["S", "M"] }],
      variants: [
        { options: { Size: "S" }, price: 15, stock: 4, sku: `VB-${suffix}-S` },
        { options: { Size: "M" }, price: 16, stock: 6, sku: `VB-${suffix}-M` },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const product = (await created.json()) as RestProduct;

  const staff = await signInAs(
    browser,
    "staff@stockroom.dev",
    `/admin/inventory?q=${encodeURIComponent(name)}`,
  );
  const table = staff.getByRole("table", { name: "Stock levels" });
  await expect(table.getByRole("row").filter({ hasText: name })).toHaveCount(2);
  await expect(table.getByRole("row").filter({ hasText: `${name} — S` })).toContainText(`VB-${suffix}-S`);
  await expect(table.getByRole("row").filter({ hasText: `${name} — M` })).toContainText(`VB-${suffix}-M`);
  await saveScreen(staff, testInfo, "admin-variants-inventory");

  await table.getByRole("link", { name: `${name} — M` }).click();
  await expect(staff).toHaveURL(/\?variant=/);
  await expect(staff.getByRole("heading", { name: `M VB-${suffix}-M`, level: 2 })).toBeVisible();
  await expect(staff.getByTestId("on-hand")).toHaveText("6");
  await staff.getByRole("spinbutton", { name: "Change" }).fill("3");
  await staff.getByLabel("Reason").selectOption("restock");
  await staff.getByLabel("Note").fill("Beanie M restock");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByTestId("on-hand")).toHaveText("9");
  const ledger = staff.getByRole("region", { name: "Movement history table" });
  await expect(ledger.getByRole("row").filter({ hasText: "Beanie M restock" })).toContainText("+3");
  await expect(
    staff
      .getByRole("region", { name: "Variants and their stock" })
      .getByRole("row")
      .filter({ hasText: `VB-${suffix}-M` }),
  ).toContainText("9");
  await saveScreen(staff, testInfo, "admin-variants-stock-page");
  await expectNoSeriousA11yViolations(staff);
  // At 360 px the variant list and the ledger scroll in their own boxes, not the page.
  await staff.setViewportSize({ width: 360, height: 740 });
  await saveScreen(staff, testInfo, "admin-variants-stock-page-360");
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await staff.setViewportSize({ width: 1280, height: 900 });

  // The other variant's ledger has only its own movements.
  await staff.getByRole("link", { name: "S", exact: true }).click();
  await expect(staff.getByTestId("on-hand")).toHaveText("4");
  await expect(ledger.getByRole("row").filter({ hasText: "Beanie M restock" })).toHaveCount(0);
  await expect(ledger.getByRole("row").filter({ hasText: "+4" })).toHaveCount(1);
  const stored = (await (await api.get(`/api/products/${product.id}`)).json()) as RestProduct;
  expect(stored.variants.map((variant) => variant.stock)).toEqual([4, 9]);

  // A level changed by someone else after the grid was read is refused on that row, with the level now.
  await staff.goto(`/admin/products/${product.id}`);
  await expect(staff.getByLabel("Stock of S", { exact: true })).toHaveValue("4");
  const sId = stored.variants.find((variant) => variant.title === "S")!.id;
  const moved = await api.post(`/api/inventory/${sId}/adjustments`, {
    data: { delta: 1, reason: "restock" },
  });
  expect(moved.ok()).toBe(true);
  await staff.getByLabel("Stock of S", { exact: true }).fill("10");
  await staff.getByLabel("Price of M", { exact: true }).fill("17");
  await staff.getByRole("button", { name: "Save variants" }).click();
  await expect(row(staff, "S")).toContainText("Stock changed since you read it");
  await expect(staff.getByLabel("Stock of S", { exact: true })).toHaveValue("5");
  await expect(staff.getByLabel("Price of M", { exact: true })).toHaveValue("17");
  const after = (await (await api.get(`/api/products/${product.id}`)).json()) as RestProduct;
  expect(after.variants.map((variant) => [variant.stock, variant.price])).toEqual([
    [5, 15],
    [9, 17],
  ]);
  // Reviewed, the new level saves.
  await staff.getByLabel("Stock of S", { exact: true }).fill("10");
  await staff.getByRole("button", { name: "Save variants" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Variants saved" })).toBeVisible();
  await expect(row(staff, "S")).not.toContainText("Stock changed");
  expect(
    ((await (await api.get(`/api/products/${product.id}`)).json()) as RestProduct).variants[0]!.stock,
  ).toBe(10);

  // ⌘K finds the product by a SKU, typed in any case, and opens it.
  await staff.keyboard.press("Control+k");
  const box = staff.getByRole("combobox", { name: "Search orders, products and customers" });
  await box.fill(`vb-${suffix.toLowerCase()}-m`);
  const option = staff.getByRole("option", { name: new RegExp(name) });
  await expect(option).toContainText(`SKU VB-${suffix}-M (M)`);
  await box.press("Enter");
  await expect(staff).toHaveURL(new RegExp(`/admin/products/${product.id}$`));
  await expect(staff.getByRole("heading", { name, level: 1 })).toBeVisible();
});
