import type { Browser, Page } from "@playwright/test";

/** A new browser context signed in as a demo staff account, on `next` (the dashboard by default). */
export async function signInAs(browser: Browser, email: string, next = "/admin"): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("stockroom-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  const target = new URL(next, "http://placeholder");
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
  return page;
}
