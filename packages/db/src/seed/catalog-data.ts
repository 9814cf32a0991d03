export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
}

export interface DemoProduct {
  slug: string;
  name: string;
  description: string;
  /** The price of its default variant, or the base price its variants add to (catalog-variants.ts). */
  priceCents: number;
  categorySlug: string;
  /** The stock of its default variant; a product sold in variants has each variant's in its plan instead. */
  stock: number;
  /** Which of its category's three drawings illustrates it (apps/web/scripts/generate-product-art.ts). */
  variant: 1 | 2 | 3;
}

export const demoCategories: DemoCategory[] = [
  {
    slug: "outdoor-gear",
    name: "Outdoor Gear",
    description: "Packs, shelters and bottles for day hikes, weekend trips and everything in between.",
  },
  {
    slug: "kitchen",
    name: "Kitchen",
    description: "Hard-working cookware and kettles built to last for decades of daily use.",
  },
  {
    slug: "home-living",
    name: "Home & Living",
    description: "Lamps, planters and candles that make a room feel lived in.",
  },
  {
    slug: "audio",
    name: "Audio",
    description: "Headphones and speakers tuned for honest, room-filling sound.",
  },
  {
    slug: "stationery",
    name: "Stationery",
    description: "Notebooks, pens and pencils for people who still like to write things down.",
  },
  {
    slug: "coffee-tea",
    name: "Coffee & Tea",
    description: "Freshly roasted beans, good mugs and teaware for a slower morning.",
  },
  {
    slug: "apparel",
    name: "Apparel",
    description: "Everyday tees, caps and knitwear cut from natural fibres.",
  },
  {
    slug: "fitness",
    name: "Fitness",
    description: "Weights, kettlebells and mats for training at home or in the gym.",
  },
];

export const demoProducts: DemoProduct[] = [
  {
    slug: "ridgeline-28l-daypack",
    name: "Ridgeline 28L Daypack",
    description:
      "A do-everything daypack in recycled ripstop nylon with a padded laptop sleeve and a stretch side pocket for a bottle. The ventilated back panel keeps you cool on the climb.",
    priceCents: 8999,
    categorySlug: "outdoor-gear",
    stock: 42,
    variant: 1,
  },
  {
    slug: "sawtooth-2-person-tent",
    name: "Sawtooth 2-Person Tent",
    description:
      "A freestanding three-season tent with two doors, two vestibules and colour-coded aluminium poles. Pitches in under five minutes and packs down to 2.1 kg.",
    priceCents: 27900,
    categorySlug: "outdoor-gear",
    stock: 14,
    variant: 2,
  },
  {
    slug: "alpine-insulated-bottle-750ml",
    name: "Alpine Insulated Bottle 750ml",
    description:
      "Double-walled stainless steel keeps drinks cold for 24 hours or hot for 12. The powder-coated finish grips well with gloves on.",
    priceCents: 3200,
    categorySlug: "outdoor-gear",
    stock: 88,
    variant: 3,
  },
  {
    slug: "switchback-45l-trekking-pack",
    name: "Switchback 45L Trekking Pack",
    description:
      "An adjustable-torso pack for multi-day routes, with a floating lid, hip-belt pockets and an integrated rain cover tucked into the base.",
    priceCents: 18900,
    categorySlug: "outdoor-gear",
    stock: 0,
    variant: 1,
  },
  {
    slug: "bivy-ultralight-shelter",
    name: "Bivy Ultralight Shelter",
    description:
      "A waterproof, breathable one-person bivy with a hooped head end and a full-length bug net. Weighs 540 g and fits in a jacket pocket.",
    priceCents: 21500,
    categorySlug: "outdoor-gear",
    stock: 3,
    variant: 2,
  },
  {
    slug: "trailhead-steel-flask-500ml",
    name: "Trailhead Steel Flask 500ml",
    description:
      "A slim vacuum flask with a leakproof screw cap that doubles as a cup. Sized to slide into the side pocket of most packs.",
    priceCents: 2450,
    categorySlug: "outdoor-gear",
    stock: 67,
    variant: 3,
  },
  {
    slug: "scramble-16l-summit-pack",
    name: "Scramble 16L Summit Pack",
    description:
      "A minimalist summit bag with a roll-top closure and a removable hip strap. Light enough to carry inside a bigger pack until you need it.",
    priceCents: 6400,
    categorySlug: "outdoor-gear",
    stock: 23,
    variant: 1,
  },
  {
    slug: "meadow-4-person-family-tent",
    name: "Meadow 4-Person Family Tent",
    description:
      "A roomy tunnel tent with a blackout inner, two sleeping areas and a porch big enough for muddy boots and a camp stove.",
    priceCents: 39900,
    categorySlug: "outdoor-gear",
    stock: 11,
    variant: 2,
  },
  {
    slug: "hearth-stovetop-kettle",
    name: "Hearth Stovetop Kettle 1.7L",
    description:
      "A brushed stainless kettle with a heat-proof phenolic handle and a gentle whistle. Works on gas, electric and induction hobs.",
    priceCents: 5900,
    categorySlug: "kitchen",
    stock: 36,
    variant: 1,
  },
  {
    slug: "forge-carbon-steel-skillet",
    name: "Forge 10-inch Carbon Steel Skillet",
    description:
      "Pre-seasoned carbon steel that heats fast and develops a natural non-stick patina with use. The riveted handle is oven-safe to any temperature.",
    priceCents: 6450,
    categorySlug: "kitchen",
    stock: 51,
    variant: 2,
  },
  {
    slug: "ember-enameled-dutch-oven",
    name: "Ember 5.5qt Enameled Dutch Oven",
    description:
      "Heavy cast iron with a chip-resistant enamel glaze, ideal for braises, stews and no-knead bread. The tight-fitting lid self-bastes as it cooks.",
    priceCents: 17900,
    categorySlug: "kitchen",
    stock: 2,
    variant: 3,
  },
  {
    slug: "pourover-gooseneck-kettle",
    name: "Pourover Gooseneck Kettle",
    description:
      "A precise, slow-pouring spout for filter coffee and a built-in thermometer in the lid. Holds 1 litre.",
    priceCents: 7800,
    categorySlug: "kitchen",
    stock: 29,
    variant: 1,
  },
  {
    slug: "foundry-cast-iron-griddle",
    name: "Foundry Cast Iron Griddle Pan",
    description:
      "A square ridged griddle for steaks, vegetables and sandwiches, with a pour lip on each side. Seasoned with flaxseed oil and ready to use.",
    priceCents: 4800,
    categorySlug: "kitchen",
    stock: 74,
    variant: 2,
  },
  {
    slug: "simmer-stock-pot-3qt",
    name: "Simmer 3qt Stock Pot",
    description:
      "Tri-ply stainless steel with an aluminium core for even heating and a glass lid with a steam vent. Measurement marks are etched inside.",
    priceCents: 8900,
    categorySlug: "kitchen",
    stock: 18,
    variant: 3,
  },
  {
    slug: "classic-whistle-kettle-2l",
    name: "Classic Whistle Kettle 2L",
    description:
      "A cheerful enamel-on-steel kettle with a flip-up whistle cap. The wide base brings water to the boil quickly.",
    priceCents: 3900,
    categorySlug: "kitchen",
    stock: 0,
    variant: 1,
  },
  {
    slug: "lyon-crepe-pan",
    name: "Lyon 11-inch Crepe Pan",
    description:
      "A low-sided blue steel pan for crepes, pancakes and flatbreads. Comes with a beechwood spreader.",
    priceCents: 4200,
    categorySlug: "kitchen",
    stock: 45,
    variant: 2,
  },
  {
    slug: "arc-linen-table-lamp",
    name: "Arc Linen Table Lamp",
    description:
      "A turned oak base topped with a natural linen drum shade that throws a soft, warm glow. Includes an inline dimmer switch.",
    priceCents: 12900,
    categorySlug: "home-living",
    stock: 22,
    variant: 1,
  },
  {
    slug: "terracotta-planter-medium",
    name: "Terracotta Planter, Medium",
    description:
      "Hand-thrown unglazed terracotta with a drainage hole and matching saucer. Fits a 15 cm nursery pot.",
    priceCents: 3400,
    categorySlug: "home-living",
    stock: 96,
    variant: 2,
  },
  {
    slug: "cedar-smoke-soy-candle",
    name: "Cedar & Smoke Soy Candle",
    description:
      "A hand-poured soy wax candle with notes of cedarwood, vetiver and a hint of campfire. Burns for around 50 hours.",
    priceCents: 2800,
    categorySlug: "home-living",
    stock: 112,
    variant: 3,
  },
  {
    slug: "dome-brass-desk-lamp",
    name: "Dome Brass Desk Lamp",
    description:
      "A solid brass dome shade on an adjustable arm, finished to develop a gentle patina over time. Takes a standard E27 bulb.",
    priceCents: 15900,
    categorySlug: "home-living",
    stock: 4,
    variant: 1,
  },
  {
    slug: "ribbed-ceramic-vase",
    name: "Ribbed Ceramic Vase",
    description:
      "A tall stoneware vase with vertical ribbing and a satin glaze. Watertight and sized for a generous bunch of stems.",
    priceCents: 4600,
    categorySlug: "home-living",
    stock: 38,
    variant: 2,
  },
  {
    slug: "fig-leaf-amber-candle",
    name: "Fig Leaf Amber Glass Candle",
    description:
      "Green fig, blackcurrant leaf and a soft woody base in a reusable amber glass vessel with a cork lid.",
    priceCents: 2400,
    categorySlug: "home-living",
    stock: 57,
    variant: 3,
  },
  {
    slug: "mushroom-opal-glass-lamp",
    name: "Mushroom Opal Glass Lamp",
    description:
      "A mouth-blown opal glass shade on a slim base, giving an even, glare-free light for bedside tables and shelves.",
    priceCents: 11500,
    categorySlug: "home-living",
    stock: 16,
    variant: 1,
  },
  {
    slug: "stoneware-bud-vase-trio",
    name: "Stoneware Bud Vase Trio",
    description: "Three small vases in sand, sage and clay glazes, made for single stems and dried grasses.",
    priceCents: 3900,
    categorySlug: "home-living",
    stock: 0,
    variant: 2,
  },
  {
    slug: "cadence-over-ear-headphones",
    name: "Cadence Over-Ear Wireless Headphones",
    description:
      "Memory-foam cushions, 40 mm drivers and up to 35 hours of battery life. Folds flat into the included hard case.",
    priceCents: 24900,
    categorySlug: "audio",
    stock: 31,
    variant: 1,
  },
  {
    slug: "monolith-bookshelf-speakers",
    name: "Monolith Bookshelf Speakers (Pair)",
    description:
      "Two-way passive speakers in a walnut veneer cabinet with a silk-dome tweeter and a rear bass port. Designed for small to medium rooms.",
    priceCents: 44900,
    categorySlug: "audio",
    stock: 1,
    variant: 2,
  },
  {
    slug: "pocket-boom-bluetooth-speaker",
    name: "Pocket Boom Bluetooth Speaker",
    description:
      "A palm-sized speaker with surprisingly full sound, a fabric grille and a clip for your bag strap. 12 hours of playback per charge.",
    priceCents: 7900,
    categorySlug: "audio",
    stock: 84,
    variant: 3,
  },
  {
    slug: "mh-40-studio-monitor-headphones",
    name: "MH-40 Studio Monitor Headphones",
    description:
      "Closed-back wired headphones with a flat, accurate response for mixing and editing. Detachable coiled and straight cables included.",
    priceCents: 14900,
    categorySlug: "audio",
    stock: 27,
    variant: 1,
  },
  {
    slug: "ashwood-powered-speaker",
    name: "Ashwood Powered Speaker",
    description:
      "An active speaker with a built-in amplifier, Bluetooth and an analogue input for a turntable. Ash veneer with a felt front.",
    priceCents: 32900,
    categorySlug: "audio",
    stock: 12,
    variant: 2,
  },
  {
    slug: "trail-rugged-waterproof-speaker",
    name: "Trail Rugged Waterproof Speaker",
    description:
      "IP67-rated, drop-tested and able to float. A rubberised shell and a loop strap make it a natural fit for the campsite.",
    priceCents: 9900,
    categorySlug: "audio",
    stock: 0,
    variant: 3,
  },
  {
    slug: "commuter-noise-cancelling-headphones",
    name: "Commuter Noise-Cancelling Headphones",
    description:
      "Adaptive noise cancelling that tunes itself to trains, planes and open offices. Touch controls on the right ear cup.",
    priceCents: 29900,
    categorySlug: "audio",
    stock: 3,
    variant: 1,
  },
  {
    slug: "duet-compact-desktop-speakers",
    name: "Duet Compact Desktop Speakers",
    description:
      "A pair of powered desktop speakers with USB-C audio and a volume knob on the front. Small enough to sit beside a monitor.",
    priceCents: 18900,
    categorySlug: "audio",
    stock: 19,
    variant: 2,
  },
  {
    slug: "field-dot-grid-notebook-a5",
    name: "Field Dot-Grid Notebook A5",
    description:
      "192 pages of 100 gsm ivory paper with a 5 mm dot grid and numbered pages. Lay-flat binding and a soft-touch cover.",
    priceCents: 1800,
    categorySlug: "stationery",
    stock: 118,
    variant: 1,
  },
  {
    slug: "brass-bolt-action-pen",
    name: "Brass Bolt-Action Pen",
    description:
      "A machined solid brass pen with a smooth bolt mechanism and a refillable gel cartridge. Gets better looking the more you carry it.",
    priceCents: 5400,
    categorySlug: "stationery",
    stock: 33,
    variant: 2,
  },
  {
    slug: "cedar-sketching-pencils-12",
    name: "Cedar Sketching Pencils, Set of 12",
    description:
      "Incense-cedar pencils in grades from 4H to 8B, sharpened and ready to draw. Packed in a recycled card tin.",
    priceCents: 1200,
    categorySlug: "stationery",
    stock: 95,
    variant: 3,
  },
  {
    slug: "linen-hardcover-journal",
    name: "Linen Hardcover Journal",
    description:
      "A cloth-bound journal with 240 lined pages, two ribbon markers and an expandable back pocket.",
    priceCents: 2900,
    categorySlug: "stationery",
    stock: 61,
    variant: 1,
  },
  {
    slug: "fountain-pen-starter-kit",
    name: "Fountain Pen Starter Kit",
    description:
      "A steel-nib fountain pen with a converter, five ink cartridges and a bottle of blue-black ink. A friendly place to start.",
    priceCents: 3800,
    categorySlug: "stationery",
    stock: 2,
    variant: 2,
  },
  {
    slug: "walnut-desk-pencil-cup",
    name: "Walnut Desk Pencil Cup",
    description:
      "Turned from a single block of American black walnut and finished with hard wax oil. Holds pens, pencils and a ruler.",
    priceCents: 2600,
    categorySlug: "stationery",
    stock: 40,
    variant: 3,
  },
  {
    slug: "undated-weekly-planner",
    name: "Undated Weekly Planner",
    description:
      "52 weeks of week-on-two-pages planning with monthly overviews, so you can start any time of the year.",
    priceCents: 2400,
    categorySlug: "stationery",
    stock: 0,
    variant: 1,
  },
  {
    slug: "gel-rollerball-3-pack",
    name: "Gel Rollerball 3-Pack",
    description:
      "Quick-drying 0.5 mm gel pens in black, blue and red. Smooth enough for long writing sessions.",
    priceCents: 650,
    categorySlug: "stationery",
    stock: 105,
    variant: 2,
  },
  {
    slug: "highland-espresso-blend-250g",
    name: "Highland Espresso Blend 250g",
    description:
      "A chocolatey, full-bodied blend of Brazilian and Guatemalan beans, roasted in small batches every week. Great with milk.",
    priceCents: 1650,
    categorySlug: "coffee-tea",
    stock: 88,
    variant: 1,
  },
  {
    slug: "speckled-stoneware-mug",
    name: "Speckled Stoneware Mug 350ml",
    description:
      "A generous hand-glazed mug with a speckled oatmeal finish and a comfortable thumb rest. Dishwasher and microwave safe.",
    priceCents: 2200,
    categorySlug: "coffee-tea",
    stock: 64,
    variant: 2,
  },
  {
    slug: "tetsubin-cast-iron-teapot",
    name: "Tetsubin Cast Iron Teapot 0.8L",
    description:
      "A traditional cast iron teapot with an enamelled interior and a stainless steel infuser basket. Keeps tea hot for ages.",
    priceCents: 7400,
    categorySlug: "coffee-tea",
    stock: 4,
    variant: 3,
  },
  {
    slug: "yirgacheffe-single-origin-250g",
    name: "Ethiopia Yirgacheffe Single Origin 250g",
    description:
      "A washed-process coffee with bright notes of bergamot, jasmine and lemon. Roasted light for filter brewing.",
    priceCents: 1950,
    categorySlug: "coffee-tea",
    stock: 1,
    variant: 1,
  },
  {
    slug: "double-walled-glass-mug",
    name: "Double-Walled Glass Mug",
    description:
      "Borosilicate glass with an insulating layer of air, so your coffee stays hot and the outside stays cool to the touch.",
    priceCents: 1800,
    categorySlug: "coffee-tea",
    stock: 47,
    variant: 2,
  },
  {
    slug: "glass-teapot-with-infuser",
    name: "Glass Teapot with Infuser",
    description:
      "A heat-resistant glass teapot with a removable fine-mesh infuser, so you can watch loose leaves unfurl. Holds 900 ml.",
    priceCents: 3600,
    categorySlug: "coffee-tea",
    stock: 29,
    variant: 3,
  },
  {
    slug: "swiss-water-decaf-colombia-250g",
    name: "Swiss Water Decaf Colombia 250g",
    description:
      "Chemical-free decaffeinated Colombian beans with notes of caramel and red apple. All the flavour, none of the jitters.",
    priceCents: 1500,
    categorySlug: "coffee-tea",
    stock: 53,
    variant: 1,
  },
  {
    slug: "enamel-camp-mug",
    name: "Enamel Camp Mug",
    description:
      "A lightweight enamel-on-steel mug with a rolled rim, equally at home on the porch or beside the campfire.",
    priceCents: 1400,
    categorySlug: "coffee-tea",
    stock: 76,
    variant: 2,
  },
  {
    slug: "everyday-organic-cotton-tee",
    name: "Everyday Organic Cotton Tee",
    description:
      "A midweight tee in soft combed organic cotton with a relaxed fit and a ribbed crew neck. Pre-washed to minimise shrinkage.",
    priceCents: 2800,
    categorySlug: "apparel",
    stock: 120,
    variant: 1,
  },
  {
    slug: "waxed-canvas-six-panel-cap",
    name: "Waxed Canvas Six-Panel Cap",
    description:
      "A structured cap in water-resistant waxed cotton with a leather strap and brass buckle. Develops character as it wears.",
    priceCents: 3400,
    categorySlug: "apparel",
    stock: 58,
    variant: 2,
  },
  {
    slug: "merino-rib-beanie",
    name: "Merino Rib Beanie",
    description: "A fine-gauge rib knit in extra-fine merino wool. Warm, breathable and not at all itchy.",
    priceCents: 3200,
    categorySlug: "apparel",
    stock: 44,
    variant: 3,
  },
  {
    slug: "heavyweight-pocket-tee",
    name: "Heavyweight Pocket Tee",
    description:
      "A boxy 240 gsm cotton tee with a chest pocket and a sturdy collar that keeps its shape wash after wash.",
    priceCents: 3600,
    categorySlug: "apparel",
    stock: 73,
    variant: 1,
  },
  {
    slug: "corduroy-dad-cap",
    name: "Corduroy Dad Cap",
    description:
      "An unstructured six-panel cap in fine-wale corduroy with a curved brim and an adjustable cotton strap.",
    priceCents: 2900,
    categorySlug: "apparel",
    stock: 3,
    variant: 2,
  },
  {
    slug: "fisherman-chunky-beanie",
    name: "Fisherman Chunky Beanie",
    description:
      "A thick, turn-up beanie knitted from a wool and alpaca blend. Made for cold harbour mornings.",
    priceCents: 3900,
    categorySlug: "apparel",
    stock: 26,
    variant: 3,
  },
  {
    slug: "slub-linen-crew-tee",
    name: "Slub Linen Crew Tee",
    description:
      "A breezy tee in garment-dyed slub linen that softens with every wash. Perfect for hot summer days.",
    priceCents: 4400,
    categorySlug: "apparel",
    stock: 35,
    variant: 1,
  },
  {
    slug: "trail-running-cap",
    name: "Trail Running Cap",
    description:
      "A featherweight cap with a quick-drying mesh back, a reflective logo and a soft brim you can fold into a pocket.",
    priceCents: 2600,
    categorySlug: "apparel",
    stock: 62,
    variant: 2,
  },
  {
    slug: "hex-rubber-dumbbell-pair-10kg",
    name: "Hex Rubber Dumbbell Pair 10kg",
    description:
      "Rubber-coated hex heads that won't roll away and a knurled chrome handle for a secure grip. Sold as a pair of 10 kg dumbbells.",
    priceCents: 8900,
    categorySlug: "fitness",
    stock: 24,
    variant: 1,
  },
  {
    slug: "cast-iron-kettlebell-12kg",
    name: "Cast Iron Kettlebell 12kg",
    description:
      "A single-cast kettlebell with a wide, smooth handle and a flat base. A solid choice for swings, cleans and goblet squats.",
    priceCents: 5400,
    categorySlug: "fitness",
    stock: 31,
    variant: 2,
  },
  {
    slug: "cork-yoga-mat-5mm",
    name: "Cork Yoga Mat 5mm",
    description:
      "Natural cork on a natural rubber base, grippy even when you sweat. Naturally antimicrobial and easy to wipe clean.",
    priceCents: 7900,
    categorySlug: "fitness",
    stock: 49,
    variant: 3,
  },
  {
    slug: "adjustable-dumbbell-set",
    name: "Adjustable Dumbbell Set 2-24kg",
    description:
      "Dial in any weight from 2 to 24 kg in seconds, replacing fifteen pairs of dumbbells with one compact set.",
    priceCents: 34900,
    categorySlug: "fitness",
    stock: 2,
    variant: 1,
  },
  {
    slug: "competition-kettlebell-16kg",
    name: "Competition Kettlebell 16kg",
    description:
      "Steel competition kettlebell with the same size body at every weight and a colour-coded band. Ideal for sport training.",
    priceCents: 8400,
    categorySlug: "fitness",
    stock: 0,
    variant: 2,
  },
  {
    slug: "travel-yoga-mat",
    name: "Travel Yoga Mat 1.5mm",
    description:
      "A thin, foldable mat that packs into a carry-on. Lay it over hotel carpet or a studio mat for extra grip.",
    priceCents: 4500,
    categorySlug: "fitness",
    stock: 38,
    variant: 3,
  },
  {
    slug: "neoprene-hand-weights-2kg",
    name: "Neoprene Hand Weights 2kg Pair",
    description:
      "Soft-touch neoprene dumbbells for toning, rehab and cardio classes. Hexagonal ends keep them from rolling.",
    priceCents: 2200,
    categorySlug: "fitness",
    stock: 80,
    variant: 1,
  },
  {
    slug: "powder-coat-kettlebell-8kg",
    name: "Powder-Coat Kettlebell 8kg",
    description:
      "A textured powder-coat finish that holds chalk well and resists chipping. A great first kettlebell.",
    priceCents: 3900,
    categorySlug: "fitness",
    stock: 41,
    variant: 2,
  },
];
