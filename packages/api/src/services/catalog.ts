import { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.ts";
import type { CreateProductData, ProductListFilter, ProductPatch, ProductSort } from "../schemas/catalog.ts";
import type { VariantData } from "../schemas/variant.ts";
import type { CatalogCache, ProductStock } from "./catalog-cache.ts";
import { catalogChanged } from "./catalog-changes.ts";
import type { CatalogReads } from "./catalog-reads.ts";
import { decodeSortCursor, encodeSortCursor } from "./cursor.ts";
import {
  buyableStock,
  type ProductDetail,
  type ProductView,
  productViewSelect,
  toProductView,
} from "./product-view.ts";
import type { ReadReplica } from "./read-replica.ts";
import { isUniqueViolation } from "./transaction-retry.ts";
import { insertOptions, insertVariants } from "./variants.ts";

export interface ProductPage {
  products: ProductView[];
  nextCursor: string | null;
}

interface ListRow {
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
  createdAt: Date;
  updatedAt: Date;
  stock: number;
  categoryId: string | null;
  categorySlug: string | null;
  categoryName: string | null;
}

/** Each sort is a keyset: ORDER BY (key, id) and a cursor holding the last row's (key, id). */
const sorts: Record<
  ProductSort,
  { key: Prisma.Sql; direction: "ASC" | "DESC"; of: (row: ListRow) => string | number }
> = {
  newest: { key: Prisma.sql`p."createdAt"`, direction: "DESC", of: (row) => row.createdAt.toISOString() },
  price_asc: { key: Prisma.sql`p."priceCents"`, direction: "ASC", of: (row) => row.priceCents },
  price_desc: { key: Prisma.sql`p."priceCents"`, direction: "DESC", of: (row) => row.priceCents },
  name: { key: Prisma.sql`p.name`, direction: "ASC", of: (row) => row.name },
};

function encodeProductCursor(sort: ProductSort, row: ListRow): string {
  return encodeSortCursor(sort, sorts[sort].of(row), row.id);
}

export async function listProducts(db: DbClient, filter: ProductListFilter): Promise<ProductPage> {
  const sort = sorts[filter.sort];
  const conditions: Prisma.Sql[] = [];
  if (!filter.includeArchived) conditions.push(Prisma.sql`p.active`);
  // The category's id as a value, not a join condition: then Postgres can walk the product index
  // on (categoryId, createdAt) in order and stop after one page.
  if (filter.category)
    conditions.push(Prisma.sql`p."categoryId" = (SELECT id FROM category WHERE slug = ${filter.category})`);
  if (filter.minPriceCents !== undefined)
    conditions.push(Prisma.sql`p."priceCents" >= ${filter.minPriceCents}`);
  if (filter.maxPriceCents !== undefined)
    conditions.push(Prisma.sql`p."priceCents" <= ${filter.maxPriceCents}`);
  if (filter.inStock)
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM product_variant v JOIN inventory_level l ON l."variantId" = v.id
      WHERE v."productId" = p.id AND v.active AND l."onHand" > 0)`);
  if (filter.q) conditions.push(Prisma.sql`p."searchVector" @@ websearch_to_tsquery('english', ${filter.q})`);
  if (filter.cursor) {
    const after = decodeSortCursor(filter.cursor, filter.sort);
    const value =
      filter.sort === "newest"
        ? Prisma.sql`${new Date(after.value)}::timestamptz`
        : Prisma.sql`${after.value}`;
    const comparison = sort.direction === "DESC" ? Prisma.sql`<` : Prisma.sql`>`;
    conditions.push(Prisma.sql`(${sort.key}, p.id) ${comparison} (${value}, ${after.id}::uuid)`);
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const direction = Prisma.raw(sort.direction);
  const rows = await db.$queryRaw<ListRow[]>`
    SELECT p.id, p.slug, p.name, p.description, p."priceCents", p."maxPriceCents", p.currency, p."imageUrl",
           p.active, p."lowStockThreshold", p."createdAt", p."updatedAt",
           (SELECT coalesce(sum(l."onHand"), 0) FROM product_variant v
            JOIN inventory_level l ON l."variantId" = v.id WHERE v."productId" = p.id AND v.active)::int AS stock,
           c.id AS "categoryId", c.slug AS "categorySlug", c.name AS "categoryName"
    FROM product p
    LEFT JOIN category c ON c.id = p."categoryId"
    ${where}
    ORDER BY ${sort.key} ${direction}, p.id ${direction}
    LIMIT ${filter.limit + 1}`;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    products: page.map(rowToView),
    nextCursor: rows.length > filter.limit && last ? encodeProductCursor(filter.sort, last) : null,
  };
}

function rowToView(row: ListRow): ProductView {
  const { categoryId, categorySlug, categoryName, ...product } = row;
  return {
    ...product,
    currency: product.currency.trim(),
    inStock: product.stock > 0,
    category:
      categoryId && categorySlug && categoryName
        ? { id: categoryId, slug: categorySlug, name: categoryName }
        : null,
  };
}

export async function getProduct(
  db: DbClient,
  where: { id: string } | { slug: string },
  options: { includeArchived?: boolean } = {},
): Promise<ProductDetail> {
  const product = await db.product.findUnique({ where, select: productViewSelect });
  if (!product || (!product.active && !options.includeArchived)) {
    throw new NotFoundError(
      "Product not found",
      "id" in where ? { productId: where.id } : { slug: where.slug },
    );
  }
  return toProductView(product);
}

export function listCategories(db: DbClient) {
  return db.category.findMany({
    select: { id: true, slug: true, name: true, description: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 100) || "product"
  );
}

async function assertCategoryExists(db: DbClient, categoryId: string | null | undefined) {
  if (!categoryId) return;
  const found = await db.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!found) throw new InvalidInputError("Category not found", { categoryId });
}

/**
 * Creates a product with its options and variants (one default variant with `priceCents` and `stock`
 * when none are given), their stock levels and opening ledger rows (written by the inventory service),
 * in one transaction; the catalog cache hears of it after commit.
 */
export async function createProduct(
  db: DbClient,
  data: CreateProductData,
  actorId: string | null,
): Promise<ProductDetail> {
  await assertCategoryExists(db, data.categoryId);
  const slug = data.slug ?? slugify(data.name);
  const variants: VariantData[] = data.variants ?? [
    { priceCents: data.priceCents ?? 0, stock: data.stock, options: {}, active: true },
  ];
  const prices = variants.filter((variant) => variant.active).map((variant) => variant.priceCents);
  const range = prices.length > 0 ? prices : variants.map((variant) => variant.priceCents);
  try {
    return await inTransaction(db, async (tx) => {
      const product = await tx.product.create({
        data: {
          slug,
          name: data.name,
          description: data.description,
          priceCents: Math.min(...range),
          maxPriceCents: Math.max(...range),
          currency: data.currency,
          categoryId: data.categoryId ?? null,
          imageUrl: data.imageUrl ?? null,
          lowStockThreshold: data.lowStockThreshold,
        },
        select: { id: true, slug: true },
      });
      await insertOptions(tx, product.id, data.options);
      await insertVariants(
        tx,
        product,
        data.options.map((option) => option.name),
        variants,
        actorId,
      );
      await catalogChanged(tx);
      return toProductView(
        await tx.product.findUniqueOrThrow({ where: { id: product.id }, select: productViewSelect }),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, "slug"))
      throw new ConflictError("A product with this slug already exists", { slug });
    throw error;
  }
}

/**
 * Changes a product's fields. A price is a variant's: for a product with one variant `priceCents`
 * sets that variant's, for one with several it is refused (set each variant's instead).
 */
export async function updateProduct(
  db: DbClient,
  id: string,
  patch: ProductPatch,
): Promise<{ before: ProductDetail; after: ProductDetail }> {
  const before = await getProduct(db, { id }, { includeArchived: true });
  await assertCategoryExists(db, patch.categoryId);
  const { priceCents, ...fields } = patch;
  if (priceCents !== undefined && before.variants.length !== 1)
    throw new InvalidInputError("This product has several variants: set each variant's price", {
      productId: id,
      variants: before.variants.map((variant) => ({ id: variant.id, title: variant.title })),
    });
  try {
    const after = await inTransaction(db, async (tx) => {
      if (priceCents !== undefined)
        await tx.productVariant.update({ where: { id: before.variants[0]!.id }, data: { priceCents } });
      return tx.product.update({ where: { id }, data: fields, select: productViewSelect });
    });
    await catalogChanged(db);
    return { before, after: toProductView(after) };
  } catch (error) {
    if (isUniqueViolation(error, "slug"))
      throw new ConflictError("A product with this slug already exists", { slug: patch.slug });
    throw error;
  }
}

export async function setProductActive(
  db: DbClient,
  id: string,
  active: boolean,
): Promise<{ before: ProductDetail; after: ProductDetail }> {
  const before = await getProduct(db, { id }, { includeArchived: true });
  const after = await db.product.update({ where: { id }, data: { active }, select: productViewSelect });
  await catalogChanged(db);
  return { before, after: toProductView(after) };
}

/** Products' current stock: each variant's level, and the sum over the active ones. */
export async function stockLevels(
  db: DbClient,
  productIds: readonly string[],
): Promise<Map<string, ProductStock>> {
  const rows = await db.$queryRaw<
    { productId: string; variantId: string; active: boolean; onHand: number }[]
  >`
    SELECT v."productId", v.id AS "variantId", v.active, coalesce(l."onHand", 0)::int AS "onHand"
    FROM product_variant v LEFT JOIN inventory_level l ON l."variantId" = v.id
    WHERE v."productId" = ANY(${[...productIds]}::uuid[])`;
  const levels = new Map<string, ProductStock>();
  for (const row of rows) {
    const stock = levels.get(row.productId) ?? { stock: 0, variants: {} };
    stock.variants[row.variantId] = row.onHand;
    if (row.active) stock.stock += row.onHand;
    levels.set(row.productId, stock);
  }
  return levels;
}

/** Where cached catalog reads come from (a request's context fits), and what records them. */
export interface CatalogSource {
  cache: CatalogCache;
  db: DbClient;
  /** Absent: every read runs on `db`. */
  readReplica?: ReadReplica;
  catalogReads?: CatalogReads;
}

/**
 * The one place a shopper's catalog read picks its database: the read replica when it is caught up,
 * else the source's own client (see ReadReplica). Staff reads, carts, orders and inventory never come
 * here; they read their own writes on the primary.
 */
export function readCatalog<T>(source: CatalogSource, load: (db: DbClient) => Promise<T>): Promise<T> {
  return source.readReplica ? source.readReplica.read(source.db, load) : load(source.db);
}

/** A cached catalog entry (categories, say), loaded through `readCatalog` on a miss. */
export function cachedCatalogRead<T>(
  source: CatalogSource,
  key: string,
  load: (db: DbClient) => Promise<T>,
): Promise<T> {
  return source.cache.read(key, () => readCatalog(source, load), source.catalogReads);
}

/** A product in any shape that carries its stock (and maybe its variants' stock), by id. */
interface StockedProduct {
  id: string;
  stock: number;
  inStock: boolean;
  variants?: readonly { id: string; active: boolean; stock: number }[];
}

/** A product (in any shape with an id and stock) from the catalog cache, with its current stock. */
export async function cachedProduct<P extends StockedProduct>(
  source: CatalogSource,
  key: string,
  load: (db: DbClient) => Promise<P>,
): Promise<P> {
  const product = await cachedCatalogRead(source, key, load);
  const [current] = await withCurrentStock(source, [product]);
  return current!;
}

/** A page of products from the catalog cache, each with its current stock. */
export async function cachedProductPage<P extends StockedProduct, T extends { products: P[] }>(
  source: CatalogSource,
  key: string,
  load: (db: DbClient) => Promise<T>,
): Promise<T> {
  const page = await cachedCatalogRead(source, key, load);
  return { ...page, products: await withCurrentStock(source, page.products) };
}

/**
 * Lays each product's current stock over products read from the catalog cache, whose own `stock` may
 * be older: catalog entries outlive sales (see CatalogCache). A product with its variants gets each
 * variant's level too.
 */
async function withCurrentStock<P extends StockedProduct>(
  source: CatalogSource,
  products: readonly P[],
): Promise<P[]> {
  const levels = await source.cache.levels(
    products.map((product) => product.id),
    (ids) => readCatalog(source, (db) => stockLevels(db, ids)),
    source.catalogReads,
  );
  return products.map((product) => {
    const current = levels.get(product.id);
    if (!product.variants) {
      const stock = current?.stock ?? 0;
      return { ...product, stock, inStock: stock > 0 };
    }
    const variants = product.variants.map((variant) => ({
      ...variant,
      stock: current?.variants[variant.id] ?? 0,
    }));
    const stock = buyableStock(variants);
    return { ...product, variants, stock, inStock: stock > 0 };
  });
}
