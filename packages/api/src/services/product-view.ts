import type { Prisma } from "@stockroom/db";

/** What the API says about a product; `stock` is what a shopper can buy now. */
export interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  active: boolean;
  lowStockThreshold: number;
  stock: number;
  createdAt: Date;
  updatedAt: Date;
  category: { id: string; slug: string; name: string } | null;
}

export const productViewSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  currency: true,
  imageUrl: true,
  active: true,
  lowStockThreshold: true,
  createdAt: true,
  updatedAt: true,
  category: { select: { id: true, slug: true, name: true } },
  inventory: { select: { onHand: true } },
} satisfies Prisma.ProductSelect;

type SelectedProduct = Prisma.ProductGetPayload<{ select: typeof productViewSelect }>;

export function toProductView({ inventory, ...product }: SelectedProduct): ProductView {
  return { ...product, currency: product.currency.trim(), stock: inventory?.onHand ?? 0 };
}
