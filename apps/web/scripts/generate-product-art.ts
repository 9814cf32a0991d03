// Writes one illustration per demo product (public/images/products/<slug>.svg) and the home page's hero
// (public/images/hero.svg). Each category has three drawings; products that share one get their own
// colourway (a hue turn of the drawing's saturated colours, its own background) and every other one is
// mirrored, so no two products look alike. Run: node --import tsx apps/web/scripts/generate-product-art.ts
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoProducts } from "../../../packages/db/src/seed/catalog-data.ts";

const images = join(dirname(fileURLToPath(import.meta.url)), "../public/images");
const HUE_TURNS = [0, 150, 230];
const BACKGROUNDS = ["#f2f4f7", "#f6f1ea", "#eef5f0", "#f5eef4", "#eef2f8", "#f7f4e6", "#f0f0f0", "#f4ecea"];

function toHsl(hex: string): [number, number, number] {
  const full = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join("") : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function toHex([h, s, l]: [number, number, number]): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

function turnHues(svg: string, degrees: number): string {
  if (degrees === 0) return svg;
  return svg.replace(/#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g, (hex) => {
    const [h, s, l] = toHsl(hex);
    return s < 0.25 ? hex : toHex([(h + degrees) % 360, s, l]);
  });
}

function body(svg: string): string {
  return svg.replace(/^[\s\S]*?<\/title>\s*/, "").replace(/<\/svg>\s*$/, "");
}

const groupIndex = new Map<string, number>();
for (const [index, product] of demoProducts.entries()) {
  const drawing = `${product.categorySlug}-${product.variant}`;
  const turn = groupIndex.get(drawing) ?? 0;
  groupIndex.set(drawing, turn + 1);
  const source = readFileSync(join(images, "products", `${drawing}.svg`), "utf8");
  const [background, ...rest] = body(turnHues(source, HUE_TURNS[turn % HUE_TURNS.length]!)).split("\n");
  const drawn = rest.join("\n");
  const art = turn % 2 === 1 ? `<g transform="translate(400 0) scale(-1 1)">\n${drawn}</g>` : drawn;
  const name = product.name.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  writeFileSync(
    join(images, "products", `${product.slug}.svg`),
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img" aria-labelledby="title-${product.slug}">
  <title id="title-${product.slug}">${name}</title>
  ${background!.replace(/fill="#[0-9a-fA-F]+"/, `fill="${BACKGROUNDS[index % BACKGROUNDS.length]}"`)}
${art}</svg>
`,
  );
}

// The hero: three drawings from different categories on one wide, warm canvas.
// Drawn left to right and the middle one last, so the larger middle drawing sits on top.
const heroDrawings = [
  { drawing: "outdoor-gear-1", x: 540, y: 120, size: 220 },
  { drawing: "coffee-tea-2", x: 960, y: 120, size: 220 },
  { drawing: "kitchen-1", x: 770, y: 60, size: 280 },
];
const heroArt = heroDrawings
  .map(({ drawing, x, y, size }) => {
    const inner = body(readFileSync(join(images, "products", `${drawing}.svg`), "utf8"))
      .split("\n")
      .slice(1)
      .join("\n");
    return `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="0 0 400 400" aria-hidden="true">\n${inner}</svg>`;
  })
  .join("\n");
writeFileSync(
  join(images, "hero.svg"),
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="420" viewBox="0 0 1200 420" role="img" aria-labelledby="title-hero">
  <title id="title-hero">A daypack, a kettle and a mug from the Stockroom catalogue</title>
  <defs><linearGradient id="hero-sky" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#064e3b"/><stop offset="1" stop-color="#065f46"/></linearGradient></defs>
  <rect width="1200" height="420" fill="url(#hero-sky)"/>
  <circle cx="900" cy="230" r="260" fill="#ecfdf5" opacity=".12"/>
  <circle cx="1080" cy="90" r="120" fill="#ecfdf5" opacity=".08"/>
${heroArt}
</svg>
`,
);
console.log(`wrote ${demoProducts.length} product illustrations and hero.svg`);
