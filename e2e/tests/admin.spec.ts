import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { apiAs, createProduct, uniqueEmail } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { addToCart, fillAddress, signUp } from "./shop.ts";
import { signInAs } from "./staff.ts";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("staff create a product, stock it, and take a shopper's order of it from pending to delivered", async ({
  browser,
}, testInfo) => {
  // A journey across several screens and roles: three times the default budget.
  test.slow();
  const staff = await signInAs(browser, "staff@stockroom.dev");
  await expect(staff.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await saveScreen(staff, testInfo, "admin-dashboard");

  const name = `Harbor Wool Blanket ${Date.now().toString(36)}`;
  await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
  await saveScreen(staff, testInfo, "admin-products");
  await staff.getByRole("link", { name: "New product" }).click();
  await expect(staff.getByRole("heading", { name: "New product" })).toBeVisible();
  await staff.getByLabel("Name", { exact: true }).fill(name);
  await staff.getByLabel("Price", { exact: true }).fill("89.50");
  await staff.getByLabel("Description").fill("A heavy wool throw for cold harbour evenings");
  await saveScreen(staff, testInfo, "admin-product-form");
  await staff.getByRole("button", { name: "Create product" }).click();
  await expect(staff.getByRole("heading", { name })).toBeVisible();

  await staff.getByRole("link", { name: "Stock and movements" }).click();
  await staff.getByLabel("New level").check();
  await staff.getByRole("spinbutton", { name: "New level" }).fill("7");
  await staff.getByLabel("Reason").selectOption("restock");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByTestId("on-hand")).toHaveText("7");

  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto(`/search?q=${encodeURIComponent("harbor wool blanket")}`);
  await shopper.getByRole("link", { name }).click();
  await expect(shopper.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(shopper).toHaveURL(/\/p\/[^/]+$/);
  await expect(shopper.getByText("In stock", { exact: true })).toBeVisible();
  const slug = new URL(shopper.url()).pathname.split("/").pop()!;
  await shopper.goto("/sign-up");
  await signUp(shopper, uniqueEmail("admin-journey"));
  await expect(shopper.getByRole("heading", { name: "Your account" })).toBeVisible();
  await addToCart(shopper, slug, 1);
  await shopper.goto("/checkout");
  await fillAddress(shopper);
  await shopper.getByRole("button", { name: "Place order" }).click();
  const heading = shopper.getByRole("heading", { name: /^Order #\d+ placed$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.match(/#(\d+)/)![1]!;

  await staff.goto("/admin");
  await expect(
    staff.getByRole("region", { name: "Recent orders" }).getByRole("link", { name: `#${number}` }),
  ).toBeVisible();
  await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
  await staff.getByLabel("Order number").fill(number);
  await staff.getByRole("button", { name: "Apply" }).click();
  await saveScreen(staff, testInfo, "admin-orders");
  await staff.getByRole("link", { name: `#${number}` }).click();
  await expect(staff.getByRole("heading", { name: `Order #${number}` })).toBeVisible();
  await saveScreen(staff, testInfo, "admin-order-detail");

  const shopperStatus = async () => {
    await shopper.goto("/account");
    return shopper.getByRole("row").filter({ hasText: `#${number}` });
  };
  await expect(await shopperStatus()).toContainText("pending");
  await staff.getByRole("button", { name: "Mark paid" }).click();
  await staff
    .getByRole("alertdialog", { name: "Mark this order paid?" })
    .getByRole("button", { name: "Mark paid" })
    .click();
  await expect(staff.getByTestId("order-status")).toHaveText("paid");
  await expect(await shopperStatus()).toContainText("paid");
  await staff.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await staff.getByRole("button", { name: "Ship" }).click();
  await staff
    .getByRole("alertdialog", { name: "Ship this order?" })
    .getByRole("button", { name: "Ship" })
    .click();
  await expect(staff.getByTestId("order-status")).toHaveText("shipped");
  await expect(await shopperStatus()).toContainText("shipped");
  await staff.getByRole("button", { name: "Mark delivered" }).click();
  await expect(staff.getByTestId("order-status")).toHaveText("delivered");
  await expect(staff.getByRole("region", { name: "Order actions" })).toHaveCount(0);
  await expect(await shopperStatus()).toContainText("delivered");
  await shopper.getByRole("link", { name: `#${number}` }).click();
  await expect(shopper.getByText("Tracking number 1Z999AA10123456784")).toBeVisible();
});

test("staff adjust stock with a reason and see it in the product's history and the audit log", async ({
  browser,
  baseURL,
}, testInfo) => {
  const product = await createProduct(baseURL!, { name: "Audit Trail Teapot", price: 30, stock: 10 });
  const staff = await signInAs(browser, "staff@stockroom.dev");
  await staff.goto(`/admin/inventory?q=${encodeURIComponent(product.name)}`);
  await saveScreen(staff, testInfo, "admin-inventory");
  await staff.getByRole("link", { name: product.name }).click();
  await staff.getByRole("spinbutton", { name: "Change" }).fill("-3");
  await staff.getByLabel("Reason").selectOption("adjustment");
  await staff.getByLabel("Note").fill("Damaged in transit");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByTestId("on-hand")).toHaveText("7");
  const row = staff.getByRole("row").filter({ hasText: "Damaged in transit" });
  await expect(row).toContainText("-3");
  await expect(row).toContainText("Sam Staff");
  await expect(row).toContainText("7");
  await saveScreen(staff, testInfo, "admin-stock-history");

  // A level that moved since the form opened is refused with a clear message.
  const other = await apiAs(baseURL!, "admin@stockroom.dev");
  await other.post(`/api/inventory/${product.id}/adjustments`, { data: { delta: 1, reason: "restock" } });
  await staff.getByRole("spinbutton", { name: "Change" }).fill("2");
  await staff.getByRole("button", { name: "Save adjustment" }).click();
  await expect(staff.getByRole("alert").filter({ hasText: "Stock changed since you read it" })).toBeVisible();

  await staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" }).click();
  // Two entries, each a sentence: the staff member's adjustment and the admin's concurrent one.
  const entries = staff.getByRole("listitem").filter({ hasText: `changed the stock of ${product.name}` });
  await expect(entries).toHaveCount(2);
  await expect(
    entries.filter({
      hasText: `staff@stockroom.dev changed the stock of ${product.name} from 10 to 7 (adjustment)`,
    }),
  ).toHaveCount(1);
  await expect(
    entries.filter({
      hasText: `admin@stockroom.dev changed the stock of ${product.name} from 7 to 8 (restock)`,
    }),
  ).toHaveCount(1);
  await expect(entries.first().getByRole("link", { name: product.name })).toHaveAttribute(
    "href",
    `/admin/products/${product.id}`,
  );
  await saveScreen(staff, testInfo, "admin-audit");

  // Filtered by the actor's name or e-mail, not an id.
  await staff.getByLabel("Actor (name or e-mail)").fill("Ada Admin");
  await staff.getByRole("button", { name: "Apply" }).click();
  await expect(staff).toHaveURL(/actor=Ada/);
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("admin@stockroom.dev");
});

test("staff cannot reach admin-only pages; customers cannot reach the console or call staff procedures", async ({
  browser,
  baseURL,
}, testInfo) => {
  const staff = await signInAs(browser, "staff@stockroom.dev");
  await expect(
    staff.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Staff" }),
  ).toHaveCount(0);
  await staff.goto("/admin/staff");
  await expect(staff.getByRole("heading", { name: "Access denied" })).toBeVisible();

  const admin = await signInAs(browser, "admin@stockroom.dev");
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Staff" }).click();
  await expect(admin.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  // An admin cannot lock themselves out: their own row offers no demotion and no deactivation.
  const own = admin.getByRole("row").filter({ hasText: "admin@stockroom.dev" });
  await expect(own.getByRole("combobox", { name: "Role of admin@stockroom.dev" })).toBeDisabled();
  await expect(own.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await expect(own.getByText("Your account")).toBeVisible();
  const other = admin.getByRole("row").filter({ hasText: "staff@stockroom.dev" });
  await expect(other.getByRole("button", { name: /Deactivate/ })).toBeVisible();
  await saveScreen(admin, testInfo, "admin-staff");
  for (const [path, shot] of [
    ["/admin/customers", "admin-customers"],
    ["/admin/emails", "admin-emails"],
  ] as const) {
    await admin.goto(path);
    await saveScreen(admin, testInfo, shot);
  }

  const customer = await signInAs(browser, "shopper@stockroom.dev", "/account");
  await customer.goto("/admin");
  await expect(customer.getByRole("heading", { name: "Access denied" })).toBeVisible();
  const refused = await customer.request.get("/api/trpc/order.list?input=%7B%22json%22%3A%7B%7D%7D");
  expect(refused.status()).toBe(403);
  const rest = await customer.request.post("/api/products", {
    data: { name: "Nope", price: 1 },
    headers: { origin: baseURL! },
  });
  expect(rest.status()).toBe(403);
});

test("admin pages have no serious or critical accessibility violations", async ({ browser }) => {
  // Nine pages, each rendered and analysed by axe: more than one journey's budget on a busy machine.
  test.slow();
  const admin = await signInAs(browser, "admin@stockroom.dev");
  for (const path of [
    "/admin",
    "/admin/products",
    "/admin/products/new",
    "/admin/inventory",
    "/admin/orders",
    "/admin/customers",
    "/admin/audit",
    "/admin/emails",
    "/admin/staff",
  ]) {
    await admin.goto(path);
    await expectNoSeriousA11yViolations(admin);
  }
});

test("staff mark several orders paid at once, and an order that cannot move is reported", async ({
  browser,
  baseURL,
}, testInfo) => {
  // A journey across several screens and roles: three times the default budget.
  test.slow();
  const product = await createProduct(baseURL!, { name: "Bulk Basket", price: 15, stock: 20 });
  const email = uniqueEmail("bulk");
  const shopper = await (await import("@playwright/test")).request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL! },
  });
  await shopper.post("/api/auth/sign-up/email", {
    data: { email, password: "e2e-password-123", name: "Bulk Buyer" },
  });
  const address = { street: "1 Bulk Row", city: "Leeds", state: "WY", zip: "LS1" };
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const order = await shopper.post("/api/orders", {
      data: { items: [{ productId: product.id, quantity: 1 }], shippingAddress: address },
    });
    ids.push(((await order.json()) as { id: string }).id);
  }
  await shopper.patch(`/api/orders/${ids[2]}/cancel`);

  const staff = await signInAs(
    browser,
    "staff@stockroom.dev",
    `/admin/orders?customer=${encodeURIComponent(email)}`,
  );
  const rows = staff.getByRole("row");
  await expect(rows).toHaveCount(4);
  for (const checkbox of await staff.getByRole("checkbox", { name: /Select order #/ }).all())
    await checkbox.check();
  await staff.getByRole("button", { name: "Mark selected paid" }).click();
  await expect(
    staff.getByRole("alert").filter({ hasText: "cannot move from cancelled to paid" }),
  ).toBeVisible();
  await expect(staff.getByRole("row").filter({ hasText: "paid" })).toHaveCount(2);
  await saveScreen(staff, testInfo, "admin-orders-bulk");
});

test("staff filter the product table by category", async ({ browser }, testInfo) => {
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/products");
  await staff
    .getByRole("form", { name: "Product filters" })
    .getByLabel("Category")
    .selectOption({ label: "Kitchen" });
  await staff.getByRole("button", { name: "Apply" }).click();
  await expect(staff).toHaveURL(/category=kitchen/);
  // The table has selection and picture columns before the named ones: find Category by its header.
  const headers = await staff.getByRole("table").getByRole("columnheader").allTextContents();
  const column = headers.findIndex((header) => header.trim().startsWith("Category")) + 1;
  expect(column).toBeGreaterThan(0);
  const categoryCells = staff.getByRole("table").getByRole("row").locator(`td:nth-child(${column})`);
  await expect(categoryCells.first()).toHaveText("Kitchen");
  expect(new Set(await categoryCells.allTextContents())).toEqual(new Set(["Kitchen"]));
  await saveScreen(staff, testInfo, "admin-products-filtered");
});

test("the console has its own shell: no storefront search or cart, the current section marked, breadcrumbs back", async ({
  browser,
}, testInfo) => {
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin/products");
  await expect(staff.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();
  await expect(staff.getByRole("searchbox", { name: "Search products" })).toHaveCount(0);
  await expect(staff.getByRole("link", { name: /^Cart/ })).toHaveCount(0);
  await expect(staff.getByRole("main")).toHaveCount(1);
  const nav = staff.getByRole("navigation", { name: "Admin" });
  await expect(nav.getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");

  // A detail page keeps its section marked and leads back through the breadcrumbs.
  await staff.getByRole("main").getByRole("row").nth(1).getByRole("link").first().click();
  const breadcrumb = staff.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("link", { name: "Products" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");
  await saveScreen(staff, testInfo, "admin-product-detail");
  await breadcrumb.getByRole("link", { name: "Products" }).click();
  await expect(staff).toHaveURL(/\/admin\/products$/);

  // The way back to the store is there, and the store has its own header again.
  await staff.getByRole("link", { name: "View store" }).click();
  await expect(staff.getByRole("searchbox", { name: "Search products" })).toBeVisible();
  await expect(staff.getByRole("main")).toHaveCount(1);
});

test("archiving a product is undone from its toast", async ({ browser, baseURL }, testInfo) => {
  const api = await apiAs(baseURL!, "staff@stockroom.dev");
  const product = await createProduct(baseURL!, { name: "Undo Vase", price: 18, stock: 4 });
  const staff = await signInAs(
    browser,
    "staff@stockroom.dev",
    `/admin/products?q=${encodeURIComponent(product.name)}`,
  );
  const row = staff.getByRole("row").filter({ hasText: product.name });
  await row.getByRole("button", { name: `Archive ${product.name}` }).click();
  await expect(row.getByText("Archived")).toBeVisible();
  const toast = staff.getByRole("status").filter({ hasText: `${product.name} archived` });
  await saveScreen(staff, testInfo, "admin-archive-undo");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(row.getByText("Active")).toBeVisible();
  const stored = (await (await api.get(`/api/products/${product.id}`)).json()) as { active: boolean };
  expect(stored.active).toBe(true);
});

test("⌘K searches the whole console: a product by name and a customer by e-mail, opened from the keyboard", async ({
  browser,
  baseURL,
}, testInfo) => {
  const product = await createProduct(baseURL!, { name: "Palette Teapot", price: 41, stock: 3 });
  const staff = await signInAs(browser, "staff@stockroom.dev", "/admin");
  await staff.keyboard.press("Control+k");
  const box = staff.getByRole("combobox", { name: "Search orders, products and customers" });
  await expect(box).toBeFocused();
  await box.fill(product.name);
  const option = staff.getByRole("option", { name: new RegExp(product.name) });
  await expect(option).toBeVisible();
  await saveScreen(staff, testInfo, "admin-command-palette");
  await box.press("Enter");
  await expect(staff).toHaveURL(new RegExp(`/admin/products/${product.id}$`));
  await expect(staff.getByRole("heading", { name: product.name, level: 1 })).toBeVisible();

  await staff.getByRole("button", { name: /Search orders, products, customers/ }).click();
  await box.fill("shopper@stockroom.dev");
  await expect(staff.getByRole("option", { name: /shopper@stockroom\.dev/ }).first()).toBeVisible();
  await box.press("ArrowDown");
  await box.press("ArrowUp");
  await box.press("Enter");
  await expect(staff).toHaveURL(/\/admin\/(customers|orders)\/[^/]+$/);

  await staff.keyboard.press("Control+k");
  await box.fill("nothing-is-called-this");
  await expect(staff.getByRole("status").filter({ hasText: "Nothing matches" })).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveCount(0);
});

test("staff see an archived product on the storefront with a banner and no add-to-cart; shoppers get not found", async ({
  browser,
  baseURL,
  page,
}, testInfo) => {
  const product = await createProduct(baseURL!, { name: "Retired Lantern", price: 22, stock: 5 });
  const staff = await signInAs(
    browser,
    "staff@stockroom.dev",
    `/admin/products?q=${encodeURIComponent(product.name)}`,
  );
  await staff.getByRole("button", { name: `Archive ${product.name}` }).click();
  await expect(staff.getByRole("status").filter({ hasText: "archived" })).toBeVisible();

  await staff.goto(`/p/${product.slug}`);
  await expect(staff.getByRole("heading", { name: product.name, level: 1 })).toBeVisible();
  await expect(staff.getByRole("note")).toContainText("Archived: hidden from shoppers.");
  await expect(staff.getByRole("button", { name: "Add to cart" })).toHaveCount(0);
  await saveScreen(staff, testInfo, "storefront-archived-as-staff");

  const response = await page.goto(`/p/${product.slug}`);
  expect(response?.status()).toBe(404);
});
