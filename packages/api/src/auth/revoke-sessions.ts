import type { Auth } from "./auth.ts";

/** Ends every session of a user at once: in Postgres and in Redis. */
export async function revokeSessions(auth: Auth, userId: string): Promise<void> {
  const context = await auth.$context;
  await context.internalAdapter.deleteUserSessions(userId);
}
