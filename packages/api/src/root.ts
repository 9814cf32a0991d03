import { adminRouter } from "./router/admin.ts";
import { authRouter } from "./router/auth.ts";
import { cartRouter } from "./router/cart.ts";
import { checkoutRouter } from "./router/checkout.ts";
import { inventoryRouter } from "./router/inventory.ts";
import { orderRouter } from "./router/order.ts";
import { productRouter } from "./router/product.ts";
import { productCsvRouter } from "./router/product-csv.ts";
import { promotionRouter } from "./router/promotion.ts";
import { shippingRouter } from "./router/shipping.ts";
import { staffRouter } from "./router/staff.ts";
import { taxRouter } from "./router/tax.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  staff: staffRouter,
  admin: adminRouter,
  product: productRouter,
  productCsv: productCsvRouter,
  inventory: inventoryRouter,
  order: orderRouter,
  cart: cartRouter,
  shipping: shippingRouter,
  tax: taxRouter,
  promotion: promotionRouter,
  checkout: checkoutRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
