import type { DemoProduct } from "./catalog-data.ts";
import { type DemoOptionValue, demoVariantPlans } from "./catalog-variants.ts";

export interface DemoProductOption {
  position: number;
  name: string;
  values: string[];
}

export interface DemoVariant {
  sku: string;
  option1: string;
  option2: string;
  option3: string;
  title: string;
  priceCents: number;
  compareAtPriceCents: number | null;
  stock: number;
  position: number;
}

/** What a variant is called on an order line: its option values ("M / Black"), or "Default" without options. */
export function variantTitle(values: readonly string[]): string {
  const named = values.filter((value) => value !== "");
  return named.length > 0 ? named.join(" / ") : "Default";
}

/** Every combination of the options' values, the first option varying slowest. */
function combinations(options: DemoOptionValue[][]): DemoOptionValue[][] {
  return options.reduce<DemoOptionValue[][]>(
    (combos, values) => combos.flatMap((combo) => values.map((value) => [...combo, value])),
    [[]],
  );
}

/**
 * A demo product's options and variants: those of its plan in catalog-variants.ts, or else one
 * default variant with its price and stock and the SKU the variants migration gives one (the slug
 * upper-cased).
 */
export function demoVariantsOf(product: DemoProduct): {
  options: DemoProductOption[];
  variants: DemoVariant[];
} {
  const baseSku = product.slug.toUpperCase();
  const plan = demoVariantPlans[product.slug];
  if (!plan) {
    const only: DemoVariant = {
      sku: baseSku,
      option1: "",
      option2: "",
      option3: "",
      title: variantTitle([]),
      priceCents: product.priceCents,
      compareAtPriceCents: null,
      stock: product.stock,
      position: 0,
    };
    return { options: [], variants: [only] };
  }
  const combos = combinations(plan.options.map((option) => option.values));
  if (combos.length !== plan.stock.length)
    throw new Error(`${product.slug}: ${combos.length} combinations but ${plan.stock.length} stock figures`);
  const variants = combos.map((combo, position): DemoVariant => {
    const labels = combo.map((value) => value.label);
    const compareAt = combo.find((value) => value.compareAtPriceCents)?.compareAtPriceCents;
    return {
      sku: [baseSku, ...combo.map((value) => value.code)].join("-"),
      option1: labels[0] ?? "",
      option2: labels[1] ?? "",
      option3: labels[2] ?? "",
      title: variantTitle(labels),
      priceCents: product.priceCents + combo.reduce((sum, value) => sum + (value.extraCents ?? 0), 0),
      compareAtPriceCents: compareAt ?? null,
      stock: plan.stock[position] ?? 0,
      position,
    };
  });
  const options = plan.options.map((option, index) => ({
    position: index + 1,
    name: option.name,
    values: option.values.map((value) => value.label),
  }));
  return { options, variants };
}
