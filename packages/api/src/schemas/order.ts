import { z } from "zod";
import { UserIdSchema } from "./account.ts";
import { dateFilter, INT4_MAX, pageCursor, singleLineText, text } from "./text.ts";
import { hasVariantRef, VARIANT_REF_REQUIRED, VariantRefFields } from "./variant.ts";

export const OrderStatusSchema = z.enum(["pending", "paid", "shipped", "delivered", "cancelled"]);

export const ShippingAddressSchema = z.object({
  street: singleLineText().trim().min(1, "Enter the street").max(200),
  city: singleLineText().trim().min(1, "Enter the city").max(100),
  state: singleLineText().trim().min(1, "Enter the state or region").max(100),
  zip: singleLineText().trim().min(1, "Enter the postal code").max(20),
  country: singleLineText()
    .trim()
    .length(2, "Use a two-letter country code such as US")
    .toUpperCase()
    .default("US"),
});
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;

/** Most units of one product in one order line (a cart line holds at most MAX_CART_QUANTITY). */
export const MAX_ORDER_LINE_QUANTITY = 999;
/** Most one order may total: $100,000,000.00, far below what its bigint columns hold. */
export const MAX_ORDER_TOTAL_CENTS = 10_000_000_000;

/** A line buys a variant (`variantId`), or a product that has one active variant (`productId`). */
export const OrderLineInput = z
  .object({
    ...VariantRefFields,
    quantity: z
      .number()
      .int("Use a whole number")
      .min(1, "Order at least one")
      .max(MAX_ORDER_LINE_QUANTITY, `Order at most ${MAX_ORDER_LINE_QUANTITY}`),
  })
  .refine(hasVariantRef, VARIANT_REF_REQUIRED);

export const IdempotencyKeySchema = singleLineText()
  .trim()
  .min(8, "Use at least 8 characters")
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "Use printable ASCII without spaces");

export const CreateOrderInput = z.object({
  items: z.array(OrderLineInput).min(1, "Add at least one item").max(100, "At most 100 lines"),
  shippingAddress: ShippingAddressSchema,
  idempotencyKey: IdempotencyKeySchema.optional(),
});

export const OrderIdInput = z.object({ id: z.uuid({ message: "Not an order id" }) });

export const OrderPageInput = z.object({
  cursor: pageCursor().optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const OrdersByUserInput = OrderPageInput.extend({ userId: UserIdSchema });

/** Staff order list orders: both read the (…, createdAt, id) indexes, forwards or backwards. */
export const OrderListSortSchema = z.enum(["newest", "oldest"]);
export type OrderListSort = z.infer<typeof OrderListSortSchema>;

export const OrderListInput = OrderPageInput.extend({
  status: OrderStatusSchema.optional(),
  from: dateFilter().optional(),
  to: dateFilter().optional(),
  /** A customer id, or part of a customer's email or name. */
  customer: singleLineText().trim().min(1).max(200).optional(),
  number: z.number().int().positive().max(INT4_MAX, "No order has that number").optional(),
  sort: OrderListSortSchema.default("newest"),
});
export type OrderListFilter = z.infer<typeof OrderListInput>;

export const TransitionOrderInput = z
  .object({
    id: z.uuid({ message: "Not an order id" }),
    to: z.enum(["paid", "shipped", "delivered"]),
    note: text().trim().max(500).optional(),
    trackingNumber: singleLineText().trim().min(3, "Enter the tracking number").max(100).optional(),
  })
  .refine((input) => input.to !== "shipped" || input.trackingNumber, {
    path: ["trackingNumber"],
    message: "A tracking number is required to ship",
  });

export const CancelOrderInput = z.object({
  id: z.uuid({ message: "Not an order id" }),
  note: text().trim().max(500).optional(),
});

export const BulkTransitionInput = z.object({
  ids: z
    .array(z.uuid({ message: "Not an order id" }))
    .min(1, "Select at least one order")
    .max(100, "At most 100 orders at once"),
  to: z.enum(["paid", "delivered"]),
  note: text().trim().max(500).optional(),
});
