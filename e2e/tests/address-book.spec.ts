import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createProduct, uniqueEmail } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { ADDRESS, addToCart, fillAddress, signUp } from "./shop.ts";

// Issue 13, the address book: a returning shopper's last address is prefilled at checkout, and the
// account's Addresses page adds, edits, deletes and picks the default.

const OFFICE = { label: "Office", street: "200 Quay Street", city: "Bangor", state: "ME", zip: "04401" };

/** The checkout's (or an address form's) fields, by their exact labels: saved addresses are radios nearby. */
function addressField(page: Page, label: string) {
  return page.getByRole("form", { name: "Shipping address" }).getByLabel(label, { exact: true });
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

async function expectCheckoutAddress(page: Page, address: { street: string; city: string; zip: string }) {
  await expect(addressField(page, "Street")).toHaveValue(address.street);
  await expect(addressField(page, "City")).toHaveValue(address.city);
  await expect(addressField(page, "Postal code")).toHaveValue(address.zip);
  await expect(addressField(page, "Country code")).toHaveValue("US");
}

test("the last order's address is prefilled; a second address made default in the account is what checkout shows; deleting it brings the first back", async ({
  page,
  baseURL,
}, testInfo) => {
  test.slow();
  const product = await createProduct(baseURL!, { name: "Address Book Jug", price: 18, stock: 20 });
  await page.goto("/sign-up");
  await signUp(page, uniqueEmail("address-book"));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // First order: a new shopper types the address.
  await addToCart(page, product.slug, 1);
  await page.goto("/checkout");
  await expect(page.getByRole("radio")).toHaveCount(0);
  await fillAddress(page);
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: /^Order #\d+ placed$/ })).toBeVisible();

  // Next checkout: that address is filled in and chosen.
  await addToCart(page, product.slug, 1);
  await page.goto("/checkout");
  await expectCheckoutAddress(page, ADDRESS);
  await expect(
    page.getByRole("radio", { name: new RegExp(`${ADDRESS.street}.*\\(default\\)`) }),
  ).toBeChecked();
  await saveScreen(page, testInfo, "checkout-prefilled");
  await expectNoSeriousA11yViolations(page);

  // The account's address book holds it, as the default.
  await page.goto("/account");
  await page.getByRole("link", { name: "Addresses" }).click();
  await expect(page.getByRole("heading", { name: "Your addresses" })).toBeVisible();
  const book = page.getByRole("list", { name: "Saved addresses" });
  await expect(book.getByRole("listitem")).toHaveCount(1);
  await expect(book.getByRole("listitem").filter({ hasText: ADDRESS.street })).toContainText("Default");

  // A second address, then made the default.
  await page.getByRole("button", { name: "Add an address" }).click();
  const form = page.getByRole("form", { name: "New address" });
  await form.getByLabel("Label (optional)").fill(OFFICE.label);
  await form.getByLabel("Street", { exact: true }).fill(OFFICE.street);
  await form.getByLabel("City", { exact: true }).fill(OFFICE.city);
  await form.getByLabel("State or region", { exact: true }).fill(OFFICE.state);
  await form.getByLabel("Postal code", { exact: true }).fill(OFFICE.zip);
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Add address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address added" })).toBeVisible();
  await expect(book.getByRole("listitem")).toHaveCount(2);
  const office = book.getByRole("listitem").filter({ hasText: OFFICE.street });
  await office.getByRole("button", { name: /^Make default/ }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Office is now your default address" }),
  ).toBeVisible();
  await expect(office).toContainText("Default");
  await expect(book.getByRole("listitem").first()).toContainText(OFFICE.street);
  await saveScreen(page, testInfo, "address-book");
  await expectNoSeriousA11yViolations(page);

  // Checkout now starts from the office; the other saved address is one click away.
  await page.goto("/checkout");
  await expectCheckoutAddress(page, OFFICE);
  await expect(page.getByRole("radio", { name: new RegExp(`^Office: ${OFFICE.street}`) })).toBeChecked();
  await page.getByRole("radio", { name: new RegExp(ADDRESS.street) }).check();
  await expectCheckoutAddress(page, ADDRESS);
  await page.getByRole("radio", { name: "Use a new address" }).check();
  await expect(addressField(page, "Street")).toHaveValue("");
  // Editing a field of a saved address makes it a new one.
  await page.getByRole("radio", { name: new RegExp(ADDRESS.street) }).check();
  await addressField(page, "Street").fill("13 Harbour Lane");
  await expect(page.getByRole("radio", { name: "Use a new address" })).toBeChecked();

  // Deleting the default (after confirming) hands the default back to the first address.
  await page.goto("/account/addresses");
  await book
    .getByRole("listitem")
    .filter({ hasText: OFFICE.street })
    .getByRole("button", { name: /^Delete/ })
    .click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Delete this address?");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Delete address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address deleted" })).toBeVisible();
  await expect(book.getByRole("listitem")).toHaveCount(1);
  await expect(book.getByRole("listitem")).toContainText(ADDRESS.street);
  await expect(book.getByRole("listitem")).toContainText("Default");
  await page.goto("/checkout");
  await expectCheckoutAddress(page, ADDRESS);
});

test("an address is edited in the account, and a duplicate is refused with the API's message", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await signUp(page, uniqueEmail("address-edit"));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.goto("/account/addresses");
  await expect(page.getByText("No saved addresses yet.")).toBeVisible();
  for (const street of [ADDRESS.street, OFFICE.street]) {
    await page.getByRole("button", { name: "Add an address" }).click();
    const form = page.getByRole("form", { name: "New address" });
    await form.getByLabel("Street", { exact: true }).fill(street);
    await form.getByLabel("City", { exact: true }).fill(ADDRESS.city);
    await form.getByLabel("State or region", { exact: true }).fill(ADDRESS.state);
    await form.getByLabel("Postal code", { exact: true }).fill(ADDRESS.zip);
    await form.getByRole("button", { name: "Add address" }).click();
    await expect(page.getByRole("list", { name: "Saved addresses" }).getByText(street)).toBeVisible();
  }
  const second = page.getByRole("list", { name: "Saved addresses" }).getByRole("listitem").nth(1);
  await second.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("form", { name: /^Edit / });
  // The same address as the first, spelled differently: the API says it is already saved.
  await edit.getByLabel("Street", { exact: true }).fill(ADDRESS.street.toUpperCase());
  await edit.getByRole("button", { name: "Save address" }).click();
  await expect(
    edit.getByRole("alert").filter({ hasText: "This address is already in your address book" }),
  ).toBeVisible();
  await edit.getByLabel("Street", { exact: true }).fill("14 Harbour Lane");
  await edit.getByLabel("Label (optional)").fill("Studio");
  await edit.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address saved" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Saved addresses" })).toContainText("Studio");
  await expect(page.getByRole("list", { name: "Saved addresses" })).toContainText("14 Harbour Lane");
});

test("an invalid postal code or country is refused in the browser with the words the API uses", async ({
  page,
  baseURL,
}, testInfo) => {
  const product = await createProduct(baseURL!, { name: "Address Rules Bowl", price: 9, stock: 5 });
  await page.goto("/sign-up");
  await signUp(page, uniqueEmail("address-rules"));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const bad = { ...ADDRESS, zip: " ", country: "USA" };

  // What the API answers for that address.
  const refused = await page.request.post("/api/trpc/auth.addresses.create", {
    data: { json: bad },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(400);
  const issues = (
    (await refused.json()) as { error: { json: { data: { issues: { path: string; message: string }[] } } } }
  ).error.json.data.issues;
  const apiMessage = (path: string) => issues.find((issue) => issue.path === path)?.message;
  expect(apiMessage("zip")).toBe("Enter the postal code");
  expect(apiMessage("country")).toBe("Use a two-letter country code such as US");

  // The account's form says the same, and sends nothing.
  await page.goto("/account/addresses");
  await page.getByRole("button", { name: "Add an address" }).click();
  const form = page.getByRole("form", { name: "New address" });
  await form.getByLabel("Street", { exact: true }).fill(bad.street);
  await form.getByLabel("City", { exact: true }).fill(bad.city);
  await form.getByLabel("State or region", { exact: true }).fill(bad.state);
  await form.getByLabel("Postal code", { exact: true }).fill(bad.zip);
  await form.getByLabel("Country code", { exact: true }).fill(bad.country);
  await form.getByRole("button", { name: "Add address" }).click();
  await expect(form.getByText(apiMessage("zip")!)).toBeVisible();
  await expect(form.getByText(apiMessage("country")!)).toBeVisible();
  await expect(form.getByLabel("Postal code", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No saved addresses yet.")).toBeVisible();

  // So does checkout.
  await addToCart(page, product.slug, 1);
  await page.goto("/checkout");
  await fillAddress(page);
  await addressField(page, "Postal code").fill(bad.zip);
  await addressField(page, "Country code").fill(bad.country);
  await page.getByRole("button", { name: "Place order" }).click();
  const checkout = page.getByRole("form", { name: "Shipping address" });
  await expect(checkout.getByText(apiMessage("zip")!)).toBeVisible();
  await expect(checkout.getByText(apiMessage("country")!)).toBeVisible();
  await saveScreen(page, testInfo, "checkout-invalid-address");
  await addressField(page, "Postal code").fill(ADDRESS.zip);
  await addressField(page, "Country code").fill("us");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: /^Order #\d+ placed$/ })).toBeVisible();
});
