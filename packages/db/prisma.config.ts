import { defineConfig } from "prisma/config";

// Only `prisma generate` runs here (no schema engine offline); migrations are applied by src/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom" },
});
