import { expect, test } from "@playwright/test";
import { saveScreen } from "./screenshots.ts";
import { signInAs } from "./staff.ts";

// Issue 13: the dashboard's range, KPIs, chart with its tooltip, and top products. The demo seed's
// orders (and other journeys' orders, placed in parallel) are today's sales, so the checks read what
// is shown rather than fixed figures.
test("staff switch the dashboard between 7, 30 and 90 days, read a day's tooltip and open a top product", async ({
  browser,
}, testInfo) => {
  const staff = await signInAs(browser, "staff@stockroom.dev");
  await expect(staff.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const range = staff.getByRole("navigation", { name: "Date range" });
  await expect(range.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");

  for (const days of [7, 90, 30]) {
    await range.getByRole("link", { name: `${days} days` }).click();
    await expect(staff).toHaveURL(new RegExp(`range=${days}`));
    await expect(range.getByRole("link", { name: `${days} days` })).toHaveAttribute("aria-current", "page");
    await expect(staff.getByRole("heading", { name: `Sales, last ${days} days` })).toBeVisible();
    for (const kpi of ["Revenue", "Orders", "Average order value", "Units sold"])
      await expect(staff.getByRole("listitem").filter({ hasText: kpi }).first()).toBeVisible();
    // "+12% vs previous 30 days", or "none in the previous 7 days" when that period sold nothing.
    await expect(staff.getByText(`previous ${days} days`).first()).toBeVisible();
    await expect(
      staff.getByRole("table", { name: new RegExp(`Revenue and orders per day, last ${days} days`) }),
    ).toBeAttached();
  }
  // The range is in the URL: a reload keeps it.
  await staff.goto("/admin?range=7");
  await staff.reload();
  await expect(range.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");

  const chart = staff.getByTestId("sales-chart");
  await expect(chart.locator(".recharts-surface")).toBeVisible();
  const box = await chart.boundingBox();
  if (!box) throw new Error("the chart has no size");
  // Today is the last day: hover near the right edge of the plot.
  await staff.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
  const tooltip = chart.getByText(/^Revenue: /);
  await expect(tooltip).toBeVisible();
  await expect(chart.getByText(/^Orders: \d+/)).toBeVisible();
  await saveScreen(staff, testInfo, "dashboard-tooltip");

  const top = staff.getByRole("region", { name: "Top products" }).getByRole("link").first();
  const name = (await top.textContent())?.trim() ?? "";
  expect(name).not.toBe("");
  await top.click();
  await expect(staff).toHaveURL(/\/admin\/products\/[0-9a-f-]+$/);
  await expect(staff.getByRole("heading", { level: 1, name })).toBeVisible();
});
