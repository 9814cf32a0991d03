import { z } from "zod";
import { DEFAULT_TIME_ZONE, isTimeZone } from "../domain/dates.ts";
import { dateFilter, pageCursor, singleLineText, text } from "./text.ts";

// Shared by the API and the web app's forms: keep these pure (no server imports).

export const RoleSchema = z.enum(["CUSTOMER", "STAFF", "ADMIN"]);
export const PASSWORD_MIN_LENGTH = 10;

export const EmailSchema = z.email({ message: "Enter a valid email address" }).max(254);
export const PasswordSchema = text()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(128, "Use at most 128 characters");
export const PersonNameSchema = singleLineText()
  .trim()
  .min(1, "Enter a name")
  .max(100, "Use at most 100 characters");

export const UpdateProfileInput = z.object({ name: PersonNameSchema });

/** What /api/auth/sign-up/email takes: the same name, e-mail and password rules as every other route. */
export const SignUpInput = z.object({ name: PersonNameSchema, email: EmailSchema, password: PasswordSchema });
/** A sign-in only needs something in each box; whether it matches is the server's answer. */
export const SignInInput = z.object({
  email: EmailSchema,
  password: z.string().min(1, "Enter your password").max(128, "Use at most 128 characters"),
});

export const CreateStaffInput = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  password: PasswordSchema,
  role: z.enum(["STAFF", "ADMIN"]),
});

/** A user id (better-auth's text ids, not uuids). */
export const UserIdSchema = singleLineText().min(1).max(100);

export const SetRoleInput = z.object({ userId: UserIdSchema, role: RoleSchema });
export const SetActiveInput = z.object({ userId: UserIdSchema, active: z.boolean() });

export const AuditLogListInput = z.object({
  actorId: singleLineText().min(1).max(100).optional(),
  /** Part of the actor's name or e-mail. */
  actor: singleLineText().trim().min(1).max(200).optional(),
  /** Staff filling their own carts (cart.*) is left out unless asked for. */
  includeCart: z.boolean().default(false),
  entity: singleLineText().min(1).max(50).optional(),
  entityId: singleLineText().min(1).max(200).optional(),
  from: dateFilter().optional(),
  to: dateFilter().optional(),
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

const adminPage = {
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(25),
};
export const StoredEmailListInput = z.object({
  ...adminPage,
  to: singleLineText().trim().max(200).optional(),
});
export const CustomerListInput = z.object({ ...adminPage, q: singleLineText().trim().max(200).optional() });
export const CustomerIdInput = z.object({ id: UserIdSchema });
/** The console's search box (⌘K): an order number, or part of an e-mail, a name or a product's words. */
export const AdminSearchInput = z.object({
  q: singleLineText().trim().min(1, "Type something to search for").max(200),
});

/** The dashboard's ranges, in days ending today in the shop's time zone. */
export const DASHBOARD_RANGES = [7, 30, 90] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];
/**
 * The dashboard buckets days in the time zone the web app passes (its SHOP_TIME_ZONE), so the API
 * needs no setting of its own; any IANA zone Intl knows is accepted.
 */
export const DashboardInput = z
  .object({
    range: z
      .union([z.literal(7), z.literal(30), z.literal(90)], { message: "Choose 7, 30 or 90 days" })
      .default(30),
    timeZone: singleLineText()
      .max(64)
      .refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin")
      .default(DEFAULT_TIME_ZONE),
  })
  .default({ range: 30, timeZone: DEFAULT_TIME_ZONE });
