import type { z } from "zod";
import { toMajorUnits } from "../domain/money.ts";
import type { OrderView } from "../services/order-view.ts";
import type { ProductDetail, ProductView, VariantView } from "../services/product-view.ts";
import type {
  RestOrderDetail,
  RestOrderSummary,
  RestProduct,
  RestProductDetail,
  RestVariant,
} from "./schemas.ts";

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
      variantId: item.variantId,
      sku: item.sku,
      name: item.productName,
      variantTitle: item.variantTitle,
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
    priceRange: {
      min: toMajorUnits(product.priceCents, product.currency),
      max: toMajorUnits(product.maxPriceCents, product.currency),
    },
    currency: product.currency,
    category: product.category,
    imageUrl: product.imageUrl,
    stock: product.stock,
    inStock: product.inStock,
    active: product.active,
  };
}

export function toRestVariant(variant: VariantView, currency: string): z.infer<typeof RestVariant> {
  return {
    id: variant.id,
    sku: variant.sku,
    title: variant.title,
    options: variant.options,
    price: toMajorUnits(variant.priceCents, currency),
    compareAtPrice:
      variant.compareAtPriceCents === null ? null : toMajorUnits(variant.compareAtPriceCents, currency),
    barcode: variant.barcode,
    weightGrams: variant.weightGrams,
    stock: variant.stock,
    active: variant.active,
  };
}

export function toRestProductDetail(product: ProductDetail): z.infer<typeof RestProductDetail> {
  return {
    ...toRestProduct(product),
    options: product.options,
    variants: product.variants.map((variant) => toRestVariant(variant, product.currency)),
  };
}
