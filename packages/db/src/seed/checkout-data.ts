/**
 * The demo shop's shipping zones and tax tables (issue 15). Rates are in parts per million (1% =
 * 10_000), money in cents (the shop sells in USD everywhere).
 *
 * US rates are the states' base sales tax (no county or city add-ons, which a real shop would get from
 * a tax service); shipping is taxed at the state rate where the state taxes delivery charges billed
 * with the sale. EU rates are the standard VAT rates, which apply to shipping too.
 */

export interface DemoShippingMethod {
  name: string;
  estimate: string;
  kind: "flat" | "free_over" | "weight";
  priceCents: number;
  thresholdCents?: number;
  weightTiers?: { upToGrams: number | null; priceCents: number }[];
}

export interface DemoShippingZone {
  name: string;
  regions: { country: string; state?: string }[];
  methods: DemoShippingMethod[];
}

/** [code, name, base rate in ppm, shipping taxed] */
export const usStateSalesTax: [string, string, number, boolean][] = [
  ["AL", "Alabama", 40_000, false],
  ["AK", "Alaska", 0, false],
  ["AZ", "Arizona", 56_000, false],
  ["AR", "Arkansas", 65_000, true],
  ["CA", "California", 72_500, false],
  ["CO", "Colorado", 29_000, false],
  ["CT", "Connecticut", 63_500, true],
  ["DE", "Delaware", 0, false],
  ["DC", "District of Columbia", 60_000, false],
  ["FL", "Florida", 60_000, false],
  ["GA", "Georgia", 40_000, true],
  ["HI", "Hawaii", 40_000, true],
  ["ID", "Idaho", 60_000, false],
  ["IL", "Illinois", 62_500, false],
  ["IN", "Indiana", 70_000, false],
  ["IA", "Iowa", 60_000, false],
  ["KS", "Kansas", 65_000, true],
  ["KY", "Kentucky", 60_000, true],
  ["LA", "Louisiana", 50_000, false],
  ["ME", "Maine", 55_000, false],
  ["MD", "Maryland", 60_000, false],
  ["MA", "Massachusetts", 62_500, false],
  ["MI", "Michigan", 60_000, false],
  ["MN", "Minnesota", 68_750, true],
  ["MS", "Mississippi", 70_000, true],
  ["MO", "Missouri", 42_250, false],
  ["MT", "Montana", 0, false],
  ["NE", "Nebraska", 55_000, true],
  ["NV", "Nevada", 68_500, false],
  ["NH", "New Hampshire", 0, false],
  ["NJ", "New Jersey", 66_250, true],
  ["NM", "New Mexico", 48_750, true],
  ["NY", "New York", 40_000, true],
  ["NC", "North Carolina", 47_500, true],
  ["ND", "North Dakota", 50_000, true],
  ["OH", "Ohio", 57_500, true],
  ["OK", "Oklahoma", 45_000, false],
  ["OR", "Oregon", 0, false],
  ["PA", "Pennsylvania", 60_000, true],
  ["RI", "Rhode Island", 70_000, false],
  ["SC", "South Carolina", 60_000, true],
  ["SD", "South Dakota", 42_000, true],
  ["TN", "Tennessee", 70_000, true],
  ["TX", "Texas", 62_500, true],
  ["UT", "Utah", 61_000, false],
  ["VT", "Vermont", 60_000, false],
  ["VA", "Virginia", 53_000, false],
  ["WA", "Washington", 65_000, true],
  ["WV", "West Virginia", 60_000, true],
  ["WI", "Wisconsin", 50_000, true],
  ["WY", "Wyoming", 40_000, false],
];

/** [code, name, standard VAT rate in ppm] for the 27 member states. */
export const euVatStandardRates: [string, string, number][] = [
  ["AT", "Austria", 200_000],
  ["BE", "Belgium", 210_000],
  ["BG", "Bulgaria", 200_000],
  ["HR", "Croatia", 250_000],
  ["CY", "Cyprus", 190_000],
  ["CZ", "Czechia", 210_000],
  ["DK", "Denmark", 250_000],
  ["EE", "Estonia", 240_000],
  ["FI", "Finland", 255_000],
  ["FR", "France", 200_000],
  ["DE", "Germany", 190_000],
  ["GR", "Greece", 240_000],
  ["HU", "Hungary", 270_000],
  ["IE", "Ireland", 230_000],
  ["IT", "Italy", 220_000],
  ["LV", "Latvia", 210_000],
  ["LT", "Lithuania", 210_000],
  ["LU", "Luxembourg", 170_000],
  ["MT", "Malta", 180_000],
  ["NL", "Netherlands", 210_000],
  ["PL", "Poland", 230_000],
  ["PT", "Portugal", 230_000],
  ["RO", "Romania", 210_000],
  ["SK", "Slovakia", 230_000],
  ["SI", "Slovenia", 220_000],
  ["ES", "Spain", 210_000],
  ["SE", "Sweden", 250_000],
];

export const demoShippingZones: DemoShippingZone[] = [
  {
    name: "United States",
    regions: [{ country: "US" }],
    methods: [
      {
        name: "Standard",
        estimate: "3-5 business days",
        kind: "free_over",
        priceCents: 500,
        thresholdCents: 7500,
      },
      { name: "Express", estimate: "1-2 business days", kind: "flat", priceCents: 1500 },
    ],
  },
  {
    name: "European Union",
    regions: euVatStandardRates.map(([country]) => ({ country })),
    methods: [
      {
        name: "Standard",
        estimate: "5-8 business days",
        kind: "weight",
        priceCents: 0,
        weightTiers: [
          { upToGrams: 500, priceCents: 900 },
          { upToGrams: 2000, priceCents: 1400 },
          { upToGrams: 5000, priceCents: 2200 },
          { upToGrams: null, priceCents: 3500 },
        ],
      },
    ],
  },
  {
    name: "Rest of the world",
    regions: [{ country: "*" }],
    methods: [{ name: "International", estimate: "7-14 business days", kind: "flat", priceCents: 2500 }],
  },
];
