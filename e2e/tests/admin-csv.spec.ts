import { expect, test } from "@playwright/test";
import { apiAs } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { signInAs } from "./staff.ts";

test("a CSV import with one bad row shows that row's error and writes nothing until it is fixed", async ({
  browser,
  baseURL,
}, testInfo) => {
  // A journey across several screens and roles: three times the default budget.
  test.slow();
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/products/import");
  const suffix = Date.now().toString(36);
  const header = "slug,name,description,price,currency,category,stock,lowStockThreshold,active";
  const good = `csv-lantern-${suffix},CSV Lantern ${suffix},Brass lantern,24.00,USD,,12,5,true`;
  const bad = `csv-mat-${suffix},CSV Mat ${suffix},Cork mat,not-a-price,USD,,3,5,true`;
  await staff.getByLabel("CSV text").fill([header, good, bad].join("\n"));
  await staff.getByRole("button", { name: "Preview" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "Fix line 3" })).toBeVisible();
  await expect(staff.getByRole("status").filter({ hasText: "1 row with errors" })).toBeVisible();
  await expect(staff.getByRole("button", { name: "Import" })).toBeDisabled();
  await saveScreen(staff, testInfo, "admin-csv-preview-error");
  const admin = await apiAs(baseURL!, "admin@stockroom.dev");
  const before = (await (
    await admin.get(`/api/products?q=${encodeURIComponent(`csv lantern ${suffix}`)}`)
  ).json()) as { products: unknown[] };
  expect(before.products).toHaveLength(0);

  await staff.getByLabel("CSV text").fill([header, good, bad.replace("not-a-price", "9.50")].join("\n"));
  await staff.getByRole("button", { name: "Preview" }).click();
  await expect(
    staff.getByRole("status").filter({ hasText: "2 to create, 0 to update, 0 rows with errors" }),
  ).toBeVisible();
  await staff.getByRole("button", { name: "Import" }).click();
  await expect(
    staff.getByRole("status").filter({ hasText: "Import complete: 2 created, 0 updated." }),
  ).toBeVisible();
  const after = (await (
    await admin.get(`/api/products?q=${encodeURIComponent(`csv lantern ${suffix}`)}`)
  ).json()) as { products: { stock: number }[] };
  expect(after.products.map((p) => p.stock)).toEqual([12]);
});
