import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context.ts";

// The one place initTRPC is called: every router and base procedure comes from here.
const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    // An unexpected error is logged by the adapter; the caller gets a request id, never internals.
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      message: internal ? "Internal server error" : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
