import { expect, test } from "@playwright/test";
import { apiAs, createProduct, stockOf, uniqueEmail } from "./api.ts";
import { saveScreen } from "./screenshots.ts";
import { addToCart, fillAddress, signUp } from "./shop.ts";

const PASSWORD = "e2e-password-123";
const ORDER_CREATE = /\/api\/trpc\/[^?]*\border\.create\b/;

async function ordersOf(baseURL: string, email: string): Promise<{ id: string; number: number }[]> {
  const shopper = await apiAs(baseURL, email, PASSWORD);
  const input = encodeURIComponent(JSON.stringify({ json: { limit: 10 } }));
  const response = await shopper.get(`/api/trpc/order.listMine?input=${input}`);
  expect(response.status()).toBe(200);
  const { orders } = (await response.json()).result.data.json as { orders: { id: string; number: number }[] };
  await shopper.dispose();
  return orders;
}

// Regression (issue 11): checkout made a new idempotency key after any failure, so a shopper who
// clicked again after the answer to a committed order was lost placed a second order.
test("a lost response to Place order: the shopper clicks again and exactly one order exists", async ({
  page,
  baseURL,
}, testInfo) => {
  const product = await createProduct(baseURL!, { name: "Lost Reply Teapot", price: 30, stock: 10 });
  const email = uniqueEmail("lost-reply");
  await page.goto("/sign-up");
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await addToCart(page, product.slug, 2);
  await page.goto("/checkout");
  await fillAddress(page);

  // The first placement reaches the API and commits; its answer never reaches the browser.
  let committed: number | undefined;
  await page.route(ORDER_CREATE, async (route) => {
    if (committed !== undefined) return route.fallback();
    const response = await route.fetch();
    committed = response.status();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Place the order again" })).toBeVisible();
  expect(committed).toBe(200);
  expect(await ordersOf(baseURL!, email)).toHaveLength(1);
  await saveScreen(page, testInfo, "checkout-lost-response");

  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByRole("heading", { name: /^Order #\d+ placed$/ })).toBeVisible();
  const orders = await ordersOf(baseURL!, email);
  expect(orders).toHaveLength(1);
  await expect(page.getByRole("heading", { name: `Order #${orders[0]!.number} placed` })).toBeVisible();
  const reader = await apiAs(baseURL!, "staff@stockroom.dev");
  expect(await stockOf(reader, product.id)).toBe(8);
  await reader.dispose();
});
