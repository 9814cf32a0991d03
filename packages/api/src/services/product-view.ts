import type { Prisma } from "@stockroom/db";
import { type OptionValues, optionsByName, variantTitle } from "../domain/variants.ts";

/**
 * What the API says about a product in a list. `priceCents`..`maxPriceCents` is the price range of
 * its active variants; `stock` is what a shopper can buy now (the sum over its active variants) and
 * `inStock` whether any of them can be bought.
 */
export interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  maxPriceCents: number;
  currency: string;
  imageUrl: string | null;
  active: boolean;
  lowStockThreshold: number;
  stock: number;
  inStock: boolean;
  createdAt: Date;
  updatedAt: Date;
  category: { id: string; slug: string; name: string } | null;
}

export interface OptionView {
  name: string;
  values: string[];
}

/** One thing to buy: `options` is its value of each of the product's options ({ Size: "M" }). */
export interface VariantView {
  id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  priceCents: number;
  compareAtPriceCents: number | null;
  barcode: string | null;
  weightGrams: number | null;
  active: boolean;
  position: number;
  stock: number;
}

/** A product with its options and variants (in their order): what product pages and staff read. */
export interface ProductDetail extends ProductView {
  options: OptionView[];
  variants: VariantView[];
}

export const variantViewSelect = {
  id: true,
  sku: true,
  option1: true,
  option2: true,
  option3: true,
  priceCents: true,
  compareAtPriceCents: true,
  barcode: true,
  weightGrams: true,
  active: true,
  position: true,
  inventory: { select: { onHand: true } },
} satisfies Prisma.ProductVariantSelect;

export const productViewSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  maxPriceCents: true,
  currency: true,
  imageUrl: true,
  active: true,
  lowStockThreshold: true,
  createdAt: true,
  updatedAt: true,
  category: { select: { id: true, slug: true, name: true } },
  options: { select: { name: true, values: true }, orderBy: { position: "asc" } },
  variants: {
    select: variantViewSelect,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ProductSelect;

type SelectedProduct = Prisma.ProductGetPayload<{ select: typeof productViewSelect }>;
type SelectedVariant = Prisma.ProductVariantGetPayload<{ select: typeof variantViewSelect }>;

export function toVariantView(optionNames: readonly string[], variant: SelectedVariant): VariantView {
  const { option1, option2, option3, inventory, ...rest } = variant;
  const values: OptionValues = [option1, option2, option3];
  return {
    ...rest,
    title: variantTitle(values),
    options: optionsByName(optionNames, values),
    stock: inventory?.onHand ?? 0,
  };
}

/** What a shopper can buy of a product: the stock of its active variants. */
export function buyableStock(variants: readonly { active: boolean; stock: number }[]): number {
  return variants.reduce((sum, variant) => sum + (variant.active ? variant.stock : 0), 0);
}

export function toProductView({ options, variants, ...product }: SelectedProduct): ProductDetail {
  const optionNames = options.map((option) => option.name);
  const variantViews = variants.map((variant) => toVariantView(optionNames, variant));
  const stock = buyableStock(variantViews);
  return {
    ...product,
    currency: product.currency.trim(),
    stock,
    inStock: stock > 0,
    options,
    variants: variantViews,
  };
}
