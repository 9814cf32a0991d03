import { defineConfig, devices } from "@playwright/test";
import { e2eEnv } from "./scripts/e2e-env.ts";

const webUrl = `http://127.0.0.1:${e2eEnv.E2E_WEB_PORT}`;

export default defineConfig({
  testDir: "tests",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(e2eEnv.CI),
  retries: 0,
  // Budgets for a loaded 2-core machine, about three times slower than the one the suite was tuned on:
  // a test's budget bounds a hang, it is not a speed check. Multi-screen journeys add test.slow().
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: "../reports/playwright.json" }],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  outputDir: "test-results",
  use: {
    baseURL: webUrl,
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: e2eEnv.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The real servers, built and started the way `pnpm start` does it.
    command: "node --import tsx scripts/start.ts all",
    cwd: "..",
    url: `${webUrl}/admin`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM lets the start script stop the API and web servers it runs.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: e2eEnv.E2E_DATABASE_URL,
      API_PORT: String(e2eEnv.E2E_API_PORT),
      WEB_PORT: String(e2eEnv.E2E_WEB_PORT),
      REDIS_URL: e2eEnv.E2E_REDIS_URL,
      LOG_LEVEL: "warn",
      // The journeys sign up many shoppers from one IP; the limits themselves are tested in apps/api.
      RATE_LIMIT_SIGN_UPS_PER_IP: "10000",
      RATE_LIMIT_REQUESTS_PER_IP: "1000000",
      // No load balancer to drain for: Playwright's SIGTERM stops everything well inside its 15 s.
      SHUTDOWN_DRAIN_MS: "500",
    },
  },
});
