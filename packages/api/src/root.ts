import { adminRouter } from "./router/admin.ts";
import { authRouter } from "./router/auth.ts";
import { productRouter } from "./router/product.ts";
import { staffRouter } from "./router/staff.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  staff: staffRouter,
  admin: adminRouter,
  product: productRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
