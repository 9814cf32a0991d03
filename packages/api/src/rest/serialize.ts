import type { z } from "zod";
import { fitsMinorUnits, minorUnitsOf, toMajorUnits, toMinorUnits } from "../domain/money.ts";
import { InvalidInputError } from "../errors.ts";
import { CreateProductInput } from "../schemas/catalog.ts";
import type { OrderView } from "../services/order-view.ts";
import type { ProductView } from "../services/product-view.ts";
import type { RestOrderDetail, RestOrderSummary, RestProduct } from "./schemas.ts";

/**
 * A REST price (major units of its currency) as the minor units the services store, under the shared
 * schema's bounds: finer than the currency's minor unit (0.5 JPY) or too high is a 400, never a 500.
 */
export function restPriceToCents(price: number, currency: string): number {
  if (!fitsMinorUnits(price, currency)) {
    const digits = minorUnitsOf(currency);
    throw new InvalidInputError(`Use at most ${digits} decimal${digits === 1 ? "" : "s"} for ${currency}`, {
      field: "price",
    });
  }
  const cents = CreateProductInput.shape.priceCents.safeParse(toMinorUnits(price, currency));
  if (!cents.success) {
    throw new InvalidInputError(cents.error.issues[0]?.message ?? "Invalid price", { field: "price" });
  }
  return cents.data;
}

export function toRestOrder(order: OrderView): z.infer<typeof RestOrderDetail> {
  return {
    id: order.id,
    number: order.number,
    userId: order.userId,
    status: order.status,
    total: toMajorUnits(order.totalCents, order.currency),
    currency: order.currency,
    items: order.items.map((item) => ({
      productId: item.productId,
      name: item.productName,
      quantity: item.quantity,
      unitPrice: toMajorUnits(item.unitPriceCents, order.currency),
      lineTotal: toMajorUnits(item.lineTotalCents, order.currency),
    })),
    shippingAddress: order.shippingAddress,
    trackingNumber: order.trackingNumber,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    history: order.history.map((entry) => ({
      from: entry.fromStatus,
      to: entry.toStatus,
      note: entry.note,
      at: entry.createdAt.toISOString(),
    })),
  };
}

export function toRestOrderSummary(order: {
  id: string;
  number: number;
  userId: string;
  status: OrderView["status"];
  totalCents: number;
  currency: string;
  itemCount: number;
  createdAt: Date;
}): z.infer<typeof RestOrderSummary> {
  return {
    id: order.id,
    number: order.number,
    userId: order.userId,
    status: order.status,
    total: toMajorUnits(order.totalCents, order.currency),
    currency: order.currency,
    itemCount: order.itemCount,
    createdAt: order.createdAt.toISOString(),
  };
}

export function toRestProduct(product: ProductView): z.infer<typeof RestProduct> {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    price: toMajorUnits(product.priceCents, product.currency),
    currency: product.currency,
    category: product.category,
    imageUrl: product.imageUrl,
    stock: product.stock,
    active: product.active,
  };
}
