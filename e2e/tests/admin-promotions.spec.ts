import { expect, test } from "@playwright/test";
import { saveScreen } from "./screenshots.ts";
import { signInAs } from "./staff.ts";

const uniqueCode = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

test("staff create a 10 % code with a usage limit, raise the limit, find it in the list, and deactivate it", async ({
  browser,
}, testInfo) => {
  test.slow();
  const code = uniqueCode("TENOFF");
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin");
  await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Promotions" }).click();
  await expect(staff.getByRole("heading", { name: "Promotions" })).toBeVisible();
  await staff.getByRole("link", { name: "New promotion" }).click();

  await staff.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await staff.getByLabel("Description").fill("Ten percent off, end-to-end test");
  await expect(staff.getByLabel("Type")).toHaveValue("percentage");
  await staff.getByLabel("Percentage off").fill("10");
  await staff.getByLabel("Usage limit").fill("10");
  await saveScreen(staff, testInfo, "promotion-new");
  await staff.getByRole("button", { name: "Create promotion" }).click();

  // The detail page: the code as stored (upper-case), its usage, and its terms in the units typed.
  await expect(staff.getByRole("heading", { name: code, level: 1 })).toBeVisible();
  await expect(staff).toHaveURL(new RegExp(`/admin/promotions/${code}$`));
  const usage = staff.getByRole("region", { name: "Usage" });
  await expect(usage.getByRole("definition").first()).toHaveText("0 / 10");
  await expect(staff.getByLabel("Percentage off")).toHaveValue("10");
  await expect(staff.getByLabel("Usage limit")).toHaveValue("10");

  // Edited in place: a larger usage limit is saved and shown in the usage.
  await staff.getByLabel("Usage limit").fill("20");
  await staff.getByRole("button", { name: "Save promotion" }).click();
  await expect(usage.getByRole("definition").first()).toHaveText("0 / 20");

  await staff.getByRole("link", { name: "Promotions" }).first().click();
  await staff.getByLabel("Search codes").fill(code.slice(0, 12));
  await staff.getByRole("button", { name: "Apply" }).click();
  const row = staff.getByRole("row").filter({ has: staff.getByRole("link", { name: code }) });
  await expect(row).toContainText("10% off");
  await expect(row).toContainText("0 / 20");
  await expect(row).toContainText("Active");
  await saveScreen(staff, testInfo, "promotions-list");

  await row.getByRole("link", { name: code }).click();
  await expect(staff.getByRole("heading", { name: code, level: 1 })).toBeVisible();
  await staff.getByRole("button", { name: "Deactivate" }).click();
  await expect(staff.getByRole("button", { name: "Activate" })).toBeVisible();
  await expect(staff.getByText("Status:").locator("..")).toContainText("Inactive");
  await saveScreen(staff, testInfo, "promotion-detail");

  await staff.getByRole("link", { name: "Promotions" }).first().click();
  await staff.getByLabel("Search codes").fill(code);
  await staff.getByRole("button", { name: "Apply" }).click();
  await expect(staff.getByRole("row").filter({ has: staff.getByRole("link", { name: code }) })).toContainText(
    "Inactive",
  );
});

test("a code that is taken is refused on the code field, and a bad value before anything is sent", async ({
  browser,
}) => {
  const code = uniqueCode("TAKEN");
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/promotions/new");
  await staff.getByLabel("Code", { exact: true }).fill(code);
  await staff.getByLabel("Percentage off").fill("5");
  await staff.getByRole("button", { name: "Create promotion" }).click();
  await expect(staff.getByRole("heading", { name: code, level: 1 })).toBeVisible();

  await staff.goto("/admin/promotions/new");
  const sent: string[] = [];
  staff.on("request", (request) => {
    if (request.url().includes("promotion.create")) sent.push(request.url());
  });
  await staff.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  await staff.getByLabel("Percentage off").fill("150");
  await staff.getByRole("button", { name: "Create promotion" }).click();
  await expect(staff.getByLabel("Percentage off")).toHaveAccessibleDescription(
    /A percentage must be more than 0% and at most 100%/,
  );
  expect(sent).toEqual([]);

  await staff.getByLabel("Percentage off").fill("5");
  await staff.getByRole("button", { name: "Create promotion" }).click();
  const codeField = staff.getByLabel("Code", { exact: true });
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(codeField).toHaveAccessibleDescription(new RegExp(`The code ${code} is already taken`));
  await expect(codeField).toBeFocused();
  expect(sent).toHaveLength(1);
  await expect(staff.getByRole("heading", { name: "New promotion" })).toBeVisible();
});
