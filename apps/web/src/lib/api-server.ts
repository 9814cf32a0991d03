import "server-only";
import type { AppRouter } from "@stockroom/api/schemas";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { headers } from "next/headers";
import superjson from "superjson";
import { webEnv } from "~/env";

/** A tRPC client for server components: calls apps/api over HTTP and forwards the caller's cookie. */
export async function apiForRequest() {
  const incoming = await headers();
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${webEnv.API_INTERNAL_URL}/api/trpc`,
        transformer: superjson,
        headers: () => {
          const forwarded: Record<string, string> = {};
          const cookie = incoming.get("cookie");
          if (cookie) forwarded.cookie = cookie;
          const requestId = incoming.get("x-request-id");
          if (requestId) forwarded["x-request-id"] = requestId;
          return forwarded;
        },
      }),
    ],
  });
}
