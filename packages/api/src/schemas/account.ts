import { z } from "zod";

// Shared by the API and the web app's forms: keep these pure (no server imports).

export const RoleSchema = z.enum(["CUSTOMER", "STAFF", "ADMIN"]);
export const PASSWORD_MIN_LENGTH = 10;

export const EmailSchema = z.email({ message: "Enter a valid email address" }).max(254);
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(128, "Use at most 128 characters");
export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(100, "Use at most 100 characters");

export const UpdateProfileInput = z.object({ name: PersonNameSchema });

export const CreateStaffInput = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  password: PasswordSchema,
  role: z.enum(["STAFF", "ADMIN"]),
});

export const SetRoleInput = z.object({ userId: z.string().min(1), role: RoleSchema });
export const SetActiveInput = z.object({ userId: z.string().min(1), active: z.boolean() });

export const AuditLogListInput = z.object({
  actorId: z.string().min(1).optional(),
  entity: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
