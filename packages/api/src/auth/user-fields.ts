import { APIError } from "better-auth/api";
import { z } from "zod";
import { EmailSchema, PersonNameSchema } from "../schemas/account.ts";

/** Nothing of ours sets an image; one sent to better-auth must at least be a bounded web address. */
const ProfileImageSchema = z.url({ protocol: /^https?$/, message: "Enter an http(s) address" }).max(2048);

/**
 * The user fields better-auth writes (sign-up, update-user), held to the schemas auth.updateProfile
 * and the web app's forms use, so no route stores a name or email those would refuse.
 */
const UserFieldsSchema = z.object({
  name: PersonNameSchema.optional(),
  email: EmailSchema.optional(),
  image: ProfileImageSchema.nullish(),
});

/**
 * Parses the fields of a user row better-auth is about to create or update: the parsed values
 * (a trimmed name) replace what was sent; a refused one is a 400 naming the field, and nothing is written.
 */
export function validatedUserFields<T extends Record<string, unknown>>(data: T): T {
  const fields = Object.fromEntries(
    (["name", "email", "image"] as const).filter((key) => key in data).map((key) => [key, data[key]]),
  );
  const result = UserFieldsSchema.safeParse(fields);
  if (result.success) return { ...data, ...stripUndefined(result.data) };
  const details = result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  const first = details[0]!;
  throw new APIError("BAD_REQUEST", {
    code: "INVALID_USER_FIELD",
    message: `${first.path}: ${first.message}`,
    details,
  });
}

function stripUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
