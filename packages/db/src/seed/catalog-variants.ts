/** One value of an option: as shoppers see it, its part of the SKU, and what it does to the price. */
export interface DemoOptionValue {
  label: string;
  code: string;
  /** Added to the product's base price for every variant with this value. */
  extraCents?: number;
  /** Variants with this value are on sale, marked down from this price. */
  compareAtPriceCents?: number;
}

export interface DemoOption {
  name: string;
  values: DemoOptionValue[];
}

/** The options of a demo product sold in variants, and the stock of each combination. */
export interface DemoVariantPlan {
  options: DemoOption[];
  /** Stock of every combination, the first option varying slowest: "S / White", "S / Black", ... */
  stock: number[];
}

const size = (label: string, extraCents?: number): DemoOptionValue => ({
  label,
  code: label.replace(/\s/g, "").toUpperCase(),
  ...(extraCents ? { extraCents } : {}),
});

const optionValue = (label: string, code: string, compareAtPriceCents?: number): DemoOptionValue => ({
  label,
  code,
  ...(compareAtPriceCents ? { compareAtPriceCents } : {}),
});

/**
 * The demo products sold in variants, by slug: apparel in sizes and colours, coffee in bag sizes.
 * Every other demo product has one default variant. None of these is a product that e2e tests, the
 * bench or the README screenshots pick (by slug or name, or as the first of a list: the bench's
 * first product, the home page's newest, the stock list's first by name), so flows that buy those
 * by product keep working.
 */
export const demoVariantPlans: Record<string, DemoVariantPlan> = {
  "everyday-organic-cotton-tee": {
    options: [
      { name: "Size", values: [size("S"), size("M"), size("L"), size("XL", 200)] },
      {
        name: "Colour",
        values: [optionValue("White", "WHT"), optionValue("Black", "BLK"), optionValue("Sage", "SGE")],
      },
    ],
    stock: [8, 12, 0, 15, 20, 6, 14, 18, 5, 6, 9, 0],
  },
  "heavyweight-pocket-tee": {
    options: [
      { name: "Size", values: [size("S"), size("M"), size("L"), size("XL")] },
      { name: "Colour", values: [optionValue("Natural", "NAT"), optionValue("Navy", "NVY", 4200)] },
    ],
    stock: [5, 3, 11, 0, 9, 7, 4, 2],
  },
  "slub-linen-crew-tee": {
    options: [
      { name: "Size", values: [size("S"), size("M"), size("L")] },
      { name: "Colour", values: [optionValue("Oat", "OAT"), optionValue("Indigo", "IND")] },
    ],
    stock: [4, 6, 7, 0, 3, 5],
  },
  "waxed-canvas-six-panel-cap": {
    options: [
      {
        name: "Colour",
        values: [optionValue("Olive", "OLV"), optionValue("Tan", "TAN"), optionValue("Black", "BLK")],
      },
    ],
    stock: [24, 0, 19],
  },
  "corduroy-dad-cap": {
    options: [
      {
        name: "Colour",
        values: [optionValue("Rust", "RST"), optionValue("Navy", "NVY"), optionValue("Cream", "CRM")],
      },
    ],
    stock: [2, 1, 0],
  },
  "merino-rib-beanie": {
    options: [
      {
        name: "Colour",
        values: [optionValue("Charcoal", "CHR"), optionValue("Mustard", "MUS"), optionValue("Forest", "FOR")],
      },
    ],
    stock: [18, 11, 0],
  },
  "fisherman-chunky-beanie": {
    options: [{ name: "Colour", values: [optionValue("Ecru", "ECR"), optionValue("Slate", "SLT")] }],
    stock: [14, 12],
  },
  "highland-espresso-blend-250g": {
    options: [{ name: "Size", values: [size("250 g"), size("1 kg", 3750)] }],
    stock: [60, 14],
  },
  "yirgacheffe-single-origin-250g": {
    options: [{ name: "Size", values: [size("250 g"), size("1 kg", 4450)] }],
    stock: [1, 0],
  },
  "swiss-water-decaf-colombia-250g": {
    options: [
      { name: "Size", values: [size("250 g"), { ...size("1 kg", 3400), compareAtPriceCents: 5600 }] },
      { name: "Grind", values: [optionValue("Whole bean", "WB"), optionValue("Filter", "FLT")] },
    ],
    stock: [22, 18, 9, 0],
  },
};
