import { defineConfig } from "vitest/config";

// Two projects: unit tests beside the code (*.test.ts), and integration tests (*.integration.test.ts)
// against the real Postgres and Redis, each file on its own database cloned from a migrated template.
export default defineConfig({
  test: {
    // Measured when run with --coverage (pnpm test does): the domain services, which both tRPC and REST call.
    coverage: {
      provider: "v8",
      include: ["packages/api/src/services/**/*.ts", "packages/api/src/domain/**/*.ts"],
      exclude: ["**/*.test.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "reports/coverage",
      thresholds: { lines: 90 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{apps,packages,scripts}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["{apps,packages,scripts}/**/*.integration.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["tooling/vitest/integration-global-setup.ts"],
          setupFiles: ["tooling/vitest/integration-setup.ts"],
          // These bound a hang on a loaded 2-core machine; no test relies on finishing within them.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
