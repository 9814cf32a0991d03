import { expect, type Page } from "@playwright/test";

export const ADDRESS = { street: "12 Harbour Lane", city: "Portland", state: "ME", zip: "04101" };

export async function addToCart(page: Page, slug: string, quantity: number) {
  await page.goto(`/p/${slug}`);
  await page.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "to your cart" })).toBeVisible();
}

export async function signUp(page: Page, email: string, name = "E2E Shopper") {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("e2e-password-123");
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function fillAddress(page: Page) {
  await page.getByLabel("Street").fill(ADDRESS.street);
  await page.getByLabel("City").fill(ADDRESS.city);
  await page.getByLabel("State or region").fill(ADDRESS.state);
  await page.getByLabel("Postal code").fill(ADDRESS.zip);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The radio button of one option value on a product page (its name says "(sold out)" when it is). */
export function optionValue(page: Page, option: string, value: string) {
  return page
    .getByRole("group", { name: new RegExp(`^${escapeRegExp(option)}:`) })
    .getByRole("radio", { name: new RegExp(`^${escapeRegExp(value)}( \\(sold out\\))?$`) });
}

/** Chooses a variant on its product page, option by option ({ Size: "M", Colour: "Black" }). */
export async function chooseVariant(page: Page, options: Record<string, string>) {
  for (const [option, value] of Object.entries(options)) {
    await optionValue(page, option, value).check();
    await expect(optionValue(page, option, value)).toBeChecked();
  }
}

/** Opens the product, chooses the variant and adds `quantity` of it to the cart. */
export async function addVariantToCart(
  page: Page,
  slug: string,
  options: Record<string, string>,
  quantity: number,
) {
  await page.goto(`/p/${slug}`);
  await chooseVariant(page, options);
  await page.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "to your cart" })).toBeVisible();
}
