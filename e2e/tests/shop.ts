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
