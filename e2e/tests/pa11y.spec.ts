import { type BrowserContext, expect, type Page, type TestInfo, test } from "@playwright/test";
import pa11y from "pa11y";
import puppeteer, { type Browser as PuppeteerBrowser } from "puppeteer";
import { e2eEnv } from "../scripts/e2e-env.ts";
import { saveScreen } from "./screenshots.ts";

// pa11y drives its own Chromium (Debian's, like Playwright's) through Puppeteer: axe and
// HTML_CodeSniffer, WCAG 2 AA. It is handed a browser holding the Playwright context's cookies, so
// every request of the page (not only the document, as pa11y's `headers` option does) is signed in.
async function pa11yErrors(
  browser: PuppeteerBrowser,
  url: string,
  viewport: { width: number; height: number },
) {
  const page = await browser.newPage();
  try {
    const result = await pa11y(url, {
      browser,
      page,
      runners: ["axe", "htmlcs"],
      standard: "WCAG2AA",
      viewport,
      timeout: 120_000,
      // The dashboard's Recharts drawing is aria-hidden (an sr-only table carries its figures). axe
      // cannot work out the background of text inside an SVG (it counts the SVG as an image behind it)
      // and marks each axis label "needs review", which pa11y reports as an error; dashboard.spec.ts
      // measures those labels' contrast itself.
      hideElements: '[data-testid="sales-chart"]',
    });
    return result.issues
      .filter((issue) => issue.type === "error")
      .map((issue) => `${url} [${issue.runner} ${issue.code}] ${issue.message} at ${issue.selector}`);
  } finally {
    await page.close();
  }
}

async function launchPa11yBrowser(context: BrowserContext): Promise<PuppeteerBrowser> {
  const browser = await puppeteer.launch({
    executablePath: e2eEnv.CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const cookies = await context.cookies();
  if (cookies.length > 0)
    await browser.setCookie(
      ...cookies.map(({ name, value, domain, path }) => ({ name, value, domain, path })),
    );
  return browser;
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("stockroom-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/** The href of the first link matching `pattern` on `path`, so detail pages are checked too. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page
    .locator("main a[href]")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const href = hrefs.find((h): h is string => h !== null && pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
  return href;
}

/** Every page at both widths goes into the report as a screenshot, and through pa11y. */
async function checkPages(page: Page, testInfo: TestInfo, baseURL: string, paths: string[]) {
  const errors: string[] = [];
  const browser = await launchPa11yBrowser(page.context());
  try {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const path of paths) {
        await page.goto(path);
        await saveScreen(page, testInfo, `${screenName(path)}-${size.width}`);
        errors.push(...(await pa11yErrors(browser, `${baseURL}${path}`, size)));
      }
    }
  } finally {
    await browser.close();
  }
  return errors;
}

function screenName(path: string): string {
  return (
    path
      .replace(/^\//, "")
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/-+$/, "") || "home"
  );
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
];

test("every storefront page, at 1280 and 360 px: a screenshot in the report, and no pa11y errors", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(900_000);
  const guestPages = [
    "/",
    "/c/kitchen",
    "/search?q=mug",
    "/p/enamel-camp-mug",
    "/cart",
    "/sign-in",
    "/sign-up",
    "/no-such-page",
  ];
  await signIn(page, "shopper@stockroom.dev");
  const order = await firstLink(page, "/account", /^\/orders\/[^/]+$/);
  const shopperPages = ["/account", "/account/addresses", "/checkout", order];
  const errors = await checkPages(page, testInfo, baseURL!, shopperPages);
  await page.context().clearCookies();
  errors.push(...(await checkPages(page, testInfo, baseURL!, guestPages)));
  expect(errors).toEqual([]);
});

test("every admin page, at 1280 and 360 px: a screenshot in the report, and no pa11y errors", async ({
  page,
  baseURL,
}, testInfo) => {
  test.setTimeout(900_000);
  await signIn(page, "admin@stockroom.dev");
  const order = await firstLink(page, "/admin/orders", /^\/admin\/orders\/[^/]+$/);
  const product = await firstLink(page, "/admin/products", /^\/admin\/products\/[^/]+$/);
  const customer = await firstLink(page, "/admin/customers", /^\/admin\/customers\/[^/]+$/);
  const stock = await firstLink(page, "/admin/inventory", /^\/admin\/inventory\/[^/]+$/);
  const adminPages = [
    "/admin",
    "/admin/orders",
    order,
    "/admin/products",
    "/admin/products/new",
    "/admin/products/import",
    product,
    "/admin/promotions",
    "/admin/promotions/new",
    "/admin/inventory",
    stock,
    "/admin/customers",
    customer,
    "/admin/audit",
    "/admin/emails",
    "/admin/staff",
  ];
  expect(await checkPages(page, testInfo, baseURL!, adminPages)).toEqual([]);
});
