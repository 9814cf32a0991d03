import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import type { Context } from "./context.ts";

// The one place initTRPC is called: every router and base procedure comes from here.
const t = initTRPC.context<Context>().create({
  transformer: superjson,
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
