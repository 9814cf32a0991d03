import "server-only";
import { TRPCClientError } from "@trpc/client";
import { cache } from "react";
import { apiForRequest } from "./api-server";

export type Viewer = { id: string; email: string; name: string; role: "CUSTOMER" | "STAFF" | "ADMIN" } | null;

/** The signed-in person for this request (server components), or null; asked once per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const api = await apiForRequest();
  try {
    return await api.auth.me.query();
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.httpStatus === 401) return null;
    throw error;
  }
});
