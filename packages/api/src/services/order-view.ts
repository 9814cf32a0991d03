import type { OrderStatus, Prisma } from "@stockroom/db";
import { centsFromDb } from "../domain/money.ts";

export const orderViewSelect = {
  id: true,
  number: true,
  userId: true,
  status: true,
  subtotalCents: true,
  shippingCents: true,
  totalCents: true,
  currency: true,
  shipStreet: true,
  shipCity: true,
  shipState: true,
  shipZip: true,
  shipCountry: true,
  trackingNumber: true,
  createdAt: true,
  updatedAt: true,
  items: {
    select: {
      productId: true,
      variantId: true,
      sku: true,
      productName: true,
      variantTitle: true,
      unitPriceCents: true,
      quantity: true,
      lineTotalCents: true,
      product: { select: { slug: true, imageUrl: true } },
    },
    orderBy: [{ productName: "asc" }, { variantTitle: "asc" }],
  },
  user: { select: { id: true, email: true, name: true } },
  history: {
    select: {
      fromStatus: true,
      toStatus: true,
      note: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.OrderSelect;

type SelectedOrder = Prisma.OrderGetPayload<{ select: typeof orderViewSelect }>;

export interface OrderView {
  id: string;
  number: number;
  userId: string;
  status: OrderStatus;
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  shippingAddress: { street: string; city: string; state: string; zip: string; country: string };
  trackingNumber: string | null;
  createdAt: Date;
  updatedAt: Date;
  items: {
    productId: string;
    variantId: string;
    /** The SKU, product name and variant title the line was sold under. */
    sku: string;
    productName: string;
    variantTitle: string;
    /** The product as it is now (its page and picture), for links and thumbnails. */
    productSlug: string;
    imageUrl: string | null;
    unitPriceCents: number;
    quantity: number;
    lineTotalCents: number;
  }[];
  customer: SelectedOrder["user"];
  history: SelectedOrder["history"];
}

export function toOrderView(order: SelectedOrder): OrderView {
  const { shipStreet, shipCity, shipState, shipZip, shipCountry, user, ...rest } = order;
  return {
    ...rest,
    subtotalCents: centsFromDb(rest.subtotalCents),
    shippingCents: centsFromDb(rest.shippingCents),
    totalCents: centsFromDb(rest.totalCents),
    items: rest.items.map(({ product, ...item }) => ({
      ...item,
      productSlug: product.slug,
      imageUrl: product.imageUrl,
      lineTotalCents: centsFromDb(item.lineTotalCents),
    })),
    currency: rest.currency.trim(),
    shippingAddress: {
      street: shipStreet,
      city: shipCity,
      state: shipState,
      zip: shipZip,
      country: shipCountry,
    },
    customer: user,
  };
}

/** For lists: no history, fewer columns; the item count is read for the page alone (orders.ts). */
export const orderSummarySelect = {
  id: true,
  number: true,
  userId: true,
  status: true,
  totalCents: true,
  currency: true,
  createdAt: true,
  updatedAt: true,
  user: { select: { id: true, email: true, name: true } },
} satisfies Prisma.OrderSelect;
