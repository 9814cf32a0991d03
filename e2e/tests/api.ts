import { type APIRequestContext, request } from "@playwright/test";

/** A signed-in API client for test setup, talking to the web app's /api proxy like a browser would. */
export async function apiAs(
  baseURL: string,
  email: string,
  password = "stockroom-demo",
): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const response = await context.post("/api/auth/sign-in/email", { data: { email, password } });
  if (!response.ok()) throw new Error(`sign-in as ${email} failed: ${response.status()}`);
  return context;
}

export interface CreatedProduct {
  id: string;
  slug: string;
  name: string;
}

let counter = 0;

/** A product made by the demo admin through REST, unique to this test run. */
export async function createProduct(
  baseURL: string,
  options: { name: string; price: number; stock: number },
): Promise<CreatedProduct> {
  const admin = await apiAs(baseURL, "admin@stockroom.dev");
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 5)}`;
  const name = `${options.name} ${unique}`;
  const response = await admin.post("/api/products", {
    data: {
      name,
      price: options.price,
      stock: options.stock,
      description: `${options.name} for end-to-end tests`,
    },
  });
  if (response.status() !== 201)
    throw new Error(`create product failed: ${response.status()} ${await response.text()}`);
  const product = (await response.json()) as CreatedProduct;
  await admin.dispose();
  return product;
}

export async function stockOf(api: APIRequestContext, productId: string): Promise<number> {
  const response = await api.get(`/api/products/${productId}`);
  return ((await response.json()) as { stock: number }).stock;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}
