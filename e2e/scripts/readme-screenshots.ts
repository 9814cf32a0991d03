import { chromium, type Page } from "@playwright/test";
import { e2eEnv } from "./e2e-env.ts";

// Regenerates the README's screenshots (docs/screenshots) from a running `pnpm start` with the demo
// shop: `pnpm --filter @stockroom/e2e screenshots [base URL]`.
const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = new URL("../../docs/screenshots/", import.meta.url).pathname;

async function shoot(page: Page, path: string, name: string) {
  await page.goto(`${base}${path}`);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${out}${name}.png` });
}

const browser = await chromium.launch({ executablePath: e2eEnv.CHROMIUM_PATH, args: ["--no-sandbox"] });
try {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await shoot(desktop, "/", "storefront-home");
  await shoot(desktop, "/p/enamel-camp-mug", "storefront-product");
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
  await shoot(phone, "/c/kitchen", "storefront-category-360");

  await desktop.goto(`${base}/sign-in?next=/admin`);
  await desktop.getByLabel("Email").fill("admin@stockroom.dev");
  await desktop.getByLabel("Password").fill("stockroom-demo");
  await desktop.getByRole("button", { name: "Sign in" }).click();
  await desktop.waitForURL(`${base}/admin`);
  await shoot(desktop, "/admin", "admin-dashboard");
  await shoot(desktop, "/admin/orders", "admin-orders");
  await desktop.keyboard.press("Control+k");
  await desktop.getByRole("dialog").getByRole("combobox").fill("mug");
  await desktop.getByRole("dialog").getByRole("option").first().waitFor();
  await desktop.screenshot({ path: `${out}admin-command-palette.png` });
} finally {
  await browser.close();
}
