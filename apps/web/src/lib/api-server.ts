import "server-only";
import type { AppRouter } from "@stockroom/api/schemas";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { headers } from "next/headers";
import superjson from "superjson";
import { webEnv } from "~/env";
import { TRPC_MAX_BATCH_ITEMS } from "./trpc-batch";

/** A tRPC client for server components: calls apps/api over HTTP and forwards the caller's cookie. */
export async function apiForRequest() {
  const incoming = await headers();
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${webEnv.API_INTERNAL_URL}/api/trpc`,
        transformer: superjson,
        maxItems: TRPC_MAX_BATCH_ITEMS,
        headers: () => {
          const forwarded: Record<string, string> = {};
          const cookie = incoming.get("cookie");
          if (cookie) forwarded.cookie = cookie;
          // server.ts set this to the client's address, so the API counts and audits the shopper, not us.
          const clientAddress = incoming.get("x-forwarded-for");
          if (clientAddress) forwarded["x-forwarded-for"] = clientAddress;
          const requestId = incoming.get("x-request-id");
          if (requestId) forwarded["x-request-id"] = requestId;
          return forwarded;
        },
      }),
    ],
  });
}
