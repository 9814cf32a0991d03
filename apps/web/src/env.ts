import { z } from "zod";

// The web app's configuration, parsed once. API_INTERNAL_URL is where the Next.js server reaches
// apps/api: the /api/* proxy bakes it in at build time, server components use it at run time.
const WebEnvSchema = z.object({
  API_INTERNAL_URL: z
    .url({ message: "expected an http:// URL of apps/api, e.g. http://127.0.0.1:4000" })
    .default("http://127.0.0.1:4000"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

function readWebEnv() {
  const source = {
    API_INTERNAL_URL: process.env.API_INTERNAL_URL || undefined,
    NODE_ENV: process.env.NODE_ENV || undefined,
  };
  const result = WebEnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
}

export const webEnv = readWebEnv();
