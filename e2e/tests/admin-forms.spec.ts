import { expect, test } from "@playwright/test";
import { createProduct } from "./api.ts";
import { signInAs } from "./staff.ts";

test("the product form refuses what the API would, field by field, before anything is sent", async ({
  browser,
}) => {
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/products/new");
  const sent: string[] = [];
  staff.on("request", (request) => {
    if (request.url().includes("product.create")) sent.push(request.url());
  });
  await staff.getByLabel("Currency").fill("usd");
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(staff.getByText("Enter a name")).toBeVisible();
  await expect(staff.getByText("Enter a price")).toBeVisible();
  await expect(staff.getByText("Use a three-letter currency code such as USD")).toBeVisible();
  // The first field in error takes the focus, and each field names its error for screen readers.
  await expect(staff.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(staff.getByLabel("Price", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(staff.getByLabel("Price", { exact: true })).toHaveAccessibleDescription("Enter a price");

  const name = `Form Check Lantern ${Date.now().toString(36)}`;
  await staff.getByLabel("Name", { exact: true }).fill(name);
  await staff.getByLabel("Price", { exact: true }).fill("-4");
  await staff.getByLabel("Currency").fill("USD");
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(staff.getByText("Must be zero or more")).toBeVisible();
  await expect(staff.getByText("Enter a name")).toHaveCount(0);
  expect(sent).toEqual([]);

  await staff.getByLabel("Price", { exact: true }).fill("24.00");
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(staff.getByRole("heading", { name })).toBeVisible();
  expect(sent).toHaveLength(1);
});

test("the stock form refuses a change of zero and a negative level with the API's messages", async ({
  browser,
  baseURL,
}) => {
  const product = await createProduct(baseURL!, { name: "Form Check Kettle", price: 40, stock: 4 });
  const staff = await signInAs(browser, "staff@stockroom.dev", `/admin/inventory/${product.id}`);
  await staff.getByRole("spinbutton", { name: "Change" }).fill("0");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByText("A change of zero changes nothing")).toBeVisible();
  await staff.getByLabel("New level").check();
  await expect(staff.getByRole("spinbutton", { name: "New level" })).toHaveValue("4");
  await staff.getByRole("spinbutton", { name: "New level" }).fill("-1");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByText("Stock cannot be negative")).toBeVisible();
  await expect(staff.getByTestId("on-hand")).toHaveText("4");
  await staff.getByRole("spinbutton", { name: "New level" }).fill("9");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByTestId("on-hand")).toHaveText("9");
});

test("an audit filter the API would refuse is explained on the page, with a way to clear it", async ({
  browser,
}) => {
  const staff = await signInAs(browser, "admin@stockroom.dev", "/admin/audit");
  await staff.getByLabel("Actor (name or e-mail)").fill("a".repeat(201));
  await staff.getByRole("button", { name: "Apply" }).click();
  const alert = staff.getByRole("alert").filter({ hasText: "These filters could not be applied" });
  await expect(alert).toContainText("actor:");
  await expect(staff.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await alert.getByRole("link", { name: "Clear filters" }).click();
  await expect(staff).toHaveURL(/\/admin\/audit$/);
  await expect(
    staff.getByRole("alert").filter({ hasText: "These filters could not be applied" }),
  ).toHaveCount(0);
});

test("sign-up and sign-in refuse in the browser what the API would, and the staff form does too", async ({
  page,
  browser,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill("not-an-address");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@stockroom.dev");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();

  const admin = await signInAs(browser, "admin@stockroom.dev", "/admin/staff");
  const form = admin.getByRole("form", { name: "New staff account" });
  await form.getByLabel("Email").fill("new-staff@");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
  await expect(form.getByText("Enter a name")).toBeVisible();
});
