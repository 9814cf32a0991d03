import { WEB_ORIGIN } from "./api-server.ts";

export interface Shopper {
  userId: string;
  /** The Cookie header for this shopper's session. */
  cookie: string;
}

/** The Cookie header that carries the session a response just set. */
function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

async function postAuth(apiOrigin: string, path: string, body: object, cookie?: string): Promise<Response> {
  const response = await fetch(`${apiOrigin}/api/auth/${path}`, {
    method: "POST",
    // better-auth refuses a POST without a trusted Origin.
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...(cookie && { cookie }) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/** Signs up `count` shoppers through the real API, then signs each in and keeps the session cookie. */
export async function signInShoppers(apiOrigin: string, count: number, password: string): Promise<Shopper[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const email = `bench-shopper-${index + 1}@stockroom.dev`;
      // Sign-up signs in too; that session is ended at once so the shopper has exactly one.
      const signedUp = await postAuth(apiOrigin, "sign-up/email", {
        email,
        password,
        name: `Bench Shopper ${index + 1}`,
      });
      await postAuth(apiOrigin, "sign-out", {}, sessionCookie(signedUp));
      const response = await postAuth(apiOrigin, "sign-in/email", { email, password });
      const { user } = (await response.json()) as { user: { id: string } };
      const cookie = sessionCookie(response);
      if (!cookie) throw new Error(`sign-in for ${email} set no cookie`);
      return { userId: user.id, cookie };
    }),
  );
}

/** Ends the sessions, so no bench session lingers in Redis for its 7-day lifetime. Best effort. */
export async function signOutShoppers(apiOrigin: string, shoppers: readonly Shopper[]): Promise<void> {
  await Promise.allSettled(shoppers.map((shopper) => postAuth(apiOrigin, "sign-out", {}, shopper.cookie)));
}
