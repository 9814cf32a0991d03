import { expect, test } from "@playwright/test";
import { apiAs } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { signInAs } from "./staff.ts";

const HEADER =
  "handle,title,description,category,currency,low stock threshold,active,option1 name,option1 value,option2 name,option2 value,option3 name,option3 value,SKU,price,compare-at price,barcode,weight grams,stock,variant active";

test("a CSV import with one bad row shows that row's error and writes nothing until it is fixed", async ({
  browser,
  baseURL,
}, testInfo) => {
  // A journey across several screens and roles: three times the default budget.
  test.slow();
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/products/import");
  await expect(staff.getByText(HEADER, { exact: true })).toBeVisible();
  const suffix = Date.now().toString(36);
  const lantern = `csv-lantern-${suffix},CSV Lantern ${suffix},Brass lantern,,USD,5,true,,,,,,,LANTERN-${suffix},24.00,,,,12,true`;
  // A mat in two sizes: the product's fields and option name on its first row only.
  const matSmall = `csv-mat-${suffix},CSV Mat ${suffix},Cork mat,,USD,5,true,Size,S,,,,,MAT-S-${suffix},9.50,,,,3,true`;
  const matLarge = `csv-mat-${suffix},,,,,,,,L,,,,,MAT-L-${suffix},not-a-price,,,,5,true`;
  await staff.getByLabel("CSV text").fill([HEADER, lantern, matSmall, matLarge].join("\n"));
  await staff.getByRole("button", { name: "Preview" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "Fix line 4" })).toBeVisible();
  await expect(staff.getByRole("status").filter({ hasText: "1 row with errors" })).toBeVisible();
  const badRow = staff.getByRole("row").filter({ hasText: `MAT-L-${suffix}` });
  await expect(badRow).toContainText(`csv-mat-${suffix}`);
  await expect(badRow).toContainText("price: Use a number of 0 or more with at most two decimals");
  await expect(staff.getByRole("row").filter({ hasText: `MAT-S-${suffix}` })).toContainText("Create product");
  await expect(staff.getByRole("button", { name: "Import" })).toBeDisabled();
  await saveScreen(staff, testInfo, "admin-csv-preview-error");
  const admin = await apiAs(baseURL!, "admin@stockroom.dev");
  const search = async (name: string) =>
    (
      (await (await admin.get(`/api/products?q=${encodeURIComponent(`${name} ${suffix}`)}`)).json()) as {
        products: { stock: number }[];
      }
    ).products;
  expect(await search("csv lantern")).toHaveLength(0);
  expect(await search("csv mat")).toHaveLength(0);

  await staff
    .getByLabel("CSV text")
    .fill([HEADER, lantern, matSmall, matLarge.replace("not-a-price", "12.00")].join("\n"));
  await staff.getByRole("button", { name: "Preview" }).click();
  await expect(
    staff.getByRole("status").filter({
      hasText:
        "2 products to create (3 variants), 0 variants to add, 0 to update, 0 unchanged, 0 rows with errors",
    }),
  ).toBeVisible();
  await staff.getByRole("button", { name: "Import" }).click();
  await expect(
    staff.getByRole("status").filter({
      hasText: "Import complete: 2 products created (3 variants), 0 variants added, 0 updated, 0 unchanged.",
    }),
  ).toBeVisible();
  expect((await search("csv lantern")).map((p) => p.stock)).toEqual([12]);
  // The mat's stock is its two sizes'.
  expect((await search("csv mat")).map((p) => p.stock)).toEqual([8]);
});
