import { z } from "zod";

export const OrderStatusSchema = z.enum(["pending", "paid", "shipped", "delivered", "cancelled"]);

export const ShippingAddressSchema = z.object({
  street: z.string().trim().min(1, "Enter the street").max(200),
  city: z.string().trim().min(1, "Enter the city").max(100),
  state: z.string().trim().min(1, "Enter the state or region").max(100),
  zip: z.string().trim().min(1, "Enter the postal code").max(20),
  country: z
    .string()
    .trim()
    .length(2, "Use a two-letter country code such as US")
    .toUpperCase()
    .default("US"),
});
export type ShippingAddress = z.infer<typeof ShippingAddressSchema>;

export const OrderLineInput = z.object({
  productId: z.uuid({ message: "Not a product id" }),
  quantity: z.number().int("Use a whole number").min(1, "Order at least one").max(999, "Order at most 999"),
});

export const IdempotencyKeySchema = z
  .string()
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
  cursor: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const OrdersByUserInput = OrderPageInput.extend({ userId: z.string().min(1) });

export const OrderListInput = OrderPageInput.extend({
  status: OrderStatusSchema.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** A customer id, or part of a customer's email or name. */
  customer: z.string().trim().min(1).max(200).optional(),
  number: z.number().int().positive().optional(),
});
export type OrderListFilter = z.infer<typeof OrderListInput>;

export const TransitionOrderInput = z
  .object({
    id: z.uuid({ message: "Not an order id" }),
    to: z.enum(["paid", "shipped", "delivered"]),
    note: z.string().trim().max(500).optional(),
    trackingNumber: z.string().trim().min(3, "Enter the tracking number").max(100).optional(),
  })
  .refine((input) => input.to !== "shipped" || input.trackingNumber, {
    path: ["trackingNumber"],
    message: "A tracking number is required to ship",
  });

export const CancelOrderInput = z.object({
  id: z.uuid({ message: "Not an order id" }),
  note: z.string().trim().max(500).optional(),
});

export const BulkTransitionInput = z.object({
  ids: z
    .array(z.uuid({ message: "Not an order id" }))
    .min(1, "Select at least one order")
    .max(100, "At most 100 orders at once"),
  to: z.enum(["paid", "delivered"]),
  note: z.string().trim().max(500).optional(),
});
