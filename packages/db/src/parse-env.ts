import type { z } from "zod";

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Parses environment variables with a zod schema. A bad value throws one message that names every
 * offending variable and what was expected, so start-up stops with something a person can act on.
 * Empty strings count as unset.
 */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "(environment)";
    const received = cleaned[variable];
    const shown = received === undefined ? "it is not set" : `got ${JSON.stringify(received)}`;
    return `  ${variable}: ${issue.message} (${shown})`;
  });
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}
