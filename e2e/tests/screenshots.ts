import type { Page, TestInfo } from "@playwright/test";

/** Saves a full-page screenshot of a key screen as a test artifact (test-results/ and the HTML report). */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
