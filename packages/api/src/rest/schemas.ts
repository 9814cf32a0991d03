import { z } from "zod";
import { hasAtMostTwoDecimals } from "../domain/money.ts";
import { UserIdSchema } from "../schemas/account.ts";
import { AdjustmentReasonSchema, MAX_STOCK_ON_HAND } from "../schemas/inventory.ts";
import { OrderLineInput, OrderStatusSchema, ShippingAddressSchema } from "../schemas/order.ts";
import { pageCursor, singleLineText, text } from "../schemas/text.ts";

// REST speaks decimal major units (99.99) and ISO-8601 dates; tRPC speaks cents and Dates.

const amount = z
  .number()
  .min(0, "Must be zero or more")
  .refine(hasAtMostTwoDecimals, "Use at most two decimals")
  .meta({ description: "Decimal amount in major units, e.g. 99.99", example: 99.99 });

const pathId = singleLineText().min(1).max(100);
const pageParams = {
  cursor: pageCursor().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export const RestCreateOrderInput = z.object({
  userId: UserIdSchema.optional().meta({
    description: "Defaults to the signed-in user; another user's id needs staff",
  }),
  items: z.array(OrderLineInput).min(1, "Add at least one item").max(100),
  shippingAddress: ShippingAddressSchema,
});

export const RestOrderItem = z.object({
  productId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: amount,
  lineTotal: amount,
});

export const RestShippingAddress = z.object({
  street: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
});

export const RestOrder = z.object({
  id: z.string(),
  number: z.number().int(),
  userId: z.string(),
  status: OrderStatusSchema,
  total: amount,
  currency: z.string(),
  items: z.array(RestOrderItem),
  shippingAddress: RestShippingAddress,
  trackingNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const RestOrderDetail = RestOrder.extend({
  history: z.array(
    z.object({
      from: OrderStatusSchema.nullable(),
      to: OrderStatusSchema,
      note: z.string().nullable(),
      at: z.iso.datetime(),
    }),
  ),
});

export const RestOrderSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  userId: z.string(),
  status: OrderStatusSchema,
  total: amount,
  currency: z.string(),
  itemCount: z.number().int(),
  createdAt: z.iso.datetime(),
});

export const RestOrderIdInput = z.object({ id: pathId });
export const RestUserOrdersInput = z.object({ id: pathId, ...pageParams });
export const RestOrderPage = z.object({
  orders: z.array(RestOrderSummary),
  nextCursor: z.string().nullable(),
});

export const RestProduct = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  price: amount,
  currency: z.string(),
  category: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  imageUrl: z.string().nullable(),
  stock: z.number().int().meta({ description: "Units a shopper can buy now" }),
  active: z.boolean(),
});

export const RestProductListInput = z.object({
  ...pageParams,
  category: singleLineText().max(120).optional(),
  q: singleLineText().max(200).optional(),
});
export const RestProductPage = z.object({
  products: z.array(RestProduct),
  nextCursor: z.string().nullable(),
});
export const RestProductIdInput = z.object({ id: pathId });

export const RestCreateProductInput = z.object({
  name: singleLineText().trim().min(1, "Enter a name").max(200),
  price: amount.max(1_000_000, "That price is too high"),
  slug: singleLineText().max(120).optional(),
  description: text().max(5000).optional(),
  currency: singleLineText()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD")
    .optional(),
  categoryId: z.uuid({ message: "Not a category id" }).optional(),
  imageUrl: singleLineText().max(2000).optional(),
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000).optional(),
});

/** Exactly one of `delta` or `set` (trpc-to-openapi needs one object, not a union). */
export const RestAdjustmentInput = z
  .object({
    productId: pathId,
    delta: z
      .number()
      .int()
      .min(-MAX_STOCK_ON_HAND, `Use at least -${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`)
      .max(MAX_STOCK_ON_HAND, `Use at most ${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`)
      .refine((n) => n !== 0, "A change of zero changes nothing")
      .optional(),
    set: z
      .number()
      .int()
      .min(0, "Stock cannot be negative")
      .max(MAX_STOCK_ON_HAND, `Use at most ${MAX_STOCK_ON_HAND.toLocaleString("en-US")}`)
      .optional(),
    reason: AdjustmentReasonSchema,
    note: text().max(500).optional(),
  })
  .refine((input) => (input.delta === undefined) !== (input.set === undefined), {
    message: "Give either delta or set",
    path: ["delta"],
  });
export const RestStockLevel = z.object({ productId: z.string(), stock: z.number().int() });
