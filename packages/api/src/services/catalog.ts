import { Prisma } from "@stockroom/db";
import { type DbClient, inTransaction } from "../db-client.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../errors.ts";
import type { CreateProductData, ProductListFilter, ProductPatch, ProductSort } from "../schemas/catalog.ts";
import type { CatalogCache } from "./catalog-cache.ts";
import { catalogChanged } from "./catalog-changes.ts";
import type { CatalogReads } from "./catalog-reads.ts";
import { decodeSortCursor, encodeSortCursor } from "./cursor.ts";
import { openStock } from "./inventory-ledger.ts";
import { type ProductView, productViewSelect, toProductView } from "./product-view.ts";
import type { ReadReplica } from "./read-replica.ts";

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
  if (filter.inStock) conditions.push(Prisma.sql`coalesce(i."onHand", 0) > 0`);
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
    SELECT p.id, p.slug, p.name, p.description, p."priceCents", p.currency, p."imageUrl", p.active,
           p."lowStockThreshold", p."createdAt", p."updatedAt", coalesce(i."onHand", 0)::int AS stock,
           c.id AS "categoryId", c.slug AS "categorySlug", c.name AS "categoryName"
    FROM product p
    LEFT JOIN inventory_level i ON i."productId" = p.id
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
): Promise<ProductView> {
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

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates a product with its stock level and, when it starts with stock, the opening ledger row (both
 * written by the inventory service), in one transaction; the catalog cache hears of it after commit.
 */
export async function createProduct(
  db: DbClient,
  data: CreateProductData,
  actorId: string | null,
): Promise<ProductView> {
  await assertCategoryExists(db, data.categoryId);
  const slug = data.slug ?? slugify(data.name);
  try {
    return await inTransaction(db, async (tx) => {
      const { id } = await tx.product.create({
        data: {
          slug,
          name: data.name,
          description: data.description,
          priceCents: data.priceCents,
          currency: data.currency,
          categoryId: data.categoryId ?? null,
          imageUrl: data.imageUrl ?? null,
          lowStockThreshold: data.lowStockThreshold,
        },
        select: { id: true },
      });
      await openStock(tx, [{ productId: id, onHand: data.stock }], actorId);
      await catalogChanged(tx);
      return toProductView(await tx.product.findUniqueOrThrow({ where: { id }, select: productViewSelect }));
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError("A product with this slug already exists", { slug });
    throw error;
  }
}

export async function updateProduct(
  db: DbClient,
  id: string,
  patch: ProductPatch,
): Promise<{ before: ProductView; after: ProductView }> {
  const before = await getProduct(db, { id }, { includeArchived: true });
  await assertCategoryExists(db, patch.categoryId);
  try {
    const after = await db.product.update({ where: { id }, data: patch, select: productViewSelect });
    await catalogChanged(db);
    return { before, after: toProductView(after) };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError("A product with this slug already exists", { slug: patch.slug });
    throw error;
  }
}

export async function setProductActive(
  db: DbClient,
  id: string,
  active: boolean,
): Promise<{ before: ProductView; after: ProductView }> {
  const before = await getProduct(db, { id }, { includeArchived: true });
  const after = await db.product.update({ where: { id }, data: { active }, select: productViewSelect });
  await catalogChanged(db);
  return { before, after: toProductView(after) };
}

/** Products' stock on hand now (0 for a product without an inventory row). */
export async function stockLevels(db: DbClient, productIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ productId: string; onHand: number }[]>`
    SELECT "productId", "onHand" FROM inventory_level WHERE "productId" = ANY(${[...productIds]}::uuid[])`;
  return new Map(rows.map((row) => [row.productId, row.onHand]));
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

/** A product (in any shape with an id and stock) from the catalog cache, with its current stock. */
export async function cachedProduct<P extends { id: string; stock: number }>(
  source: CatalogSource,
  key: string,
  load: (db: DbClient) => Promise<P>,
): Promise<P> {
  const product = await cachedCatalogRead(source, key, load);
  const [current] = await withCurrentStock(source, [product]);
  return current!;
}

/** A page of products from the catalog cache, each with its current stock. */
export async function cachedProductPage<P extends { id: string; stock: number }, T extends { products: P[] }>(
  source: CatalogSource,
  key: string,
  load: (db: DbClient) => Promise<T>,
): Promise<T> {
  const page = await cachedCatalogRead(source, key, load);
  return { ...page, products: await withCurrentStock(source, page.products) };
}

/**
 * Lays each product's current stock over products read from the catalog cache, whose own `stock` may
 * be older: catalog entries outlive sales (see CatalogCache).
 */
async function withCurrentStock<P extends { id: string; stock: number }>(
  source: CatalogSource,
  products: readonly P[],
): Promise<P[]> {
  const levels = await source.cache.levels(
    products.map((product) => product.id),
    (ids) => readCatalog(source, (db) => stockLevels(db, ids)),
    source.catalogReads,
  );
  return products.map((product) => ({ ...product, stock: levels.get(product.id) ?? 0 }));
}
