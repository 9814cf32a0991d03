import { Prisma } from "@stockroom/db";
import type { DbClient } from "../db-client.ts";
import { variantTitle } from "../domain/variants.ts";
import { ProductListInput } from "../schemas/catalog.ts";
import { OrderListInput } from "../schemas/order.ts";
import { INT4_MAX } from "../schemas/text.ts";
import { listProducts } from "./catalog.ts";
import { listCustomers } from "./customers.ts";
import { likeLiteral } from "./like-pattern.ts";
import { listOrders } from "./orders.ts";

const RESULTS_PER_KIND = 5;
const ORDER_NUMBER = /^#?(\d{1,10})$/;

export interface AdminSearchProduct {
  id: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  active: boolean;
  /** The variant whose SKU the query matched, or null when the product was found by its words. */
  matchedVariant: { id: string; sku: string; title: string } | null;
}

export interface AdminSearchResults {
  orders: {
    id: string;
    number: number;
    status: string;
    totalCents: number;
    currency: string;
    customerEmail: string;
  }[];
  products: AdminSearchProduct[];
  customers: { id: string; name: string; email: string }[];
}

interface SkuHit {
  variantId: string;
  sku: string;
  option1: string;
  option2: string;
  option3: string;
  productId: string;
  name: string;
  slug: string;
  imageUrl: string | null;
  active: boolean;
}

/** How many SKU matches are read before one hit per product is kept (a prefix may match thousands). */
const SKU_CANDIDATES = 50;

/**
 * Products by a SKU that starts with the query (any case), the exact SKU first, one hit per product.
 * Staff type or scan SKUs. The exact SKU is read from the unique index as typed, upper- or lower-cased;
 * the prefix through the SKU trigram index, a bounded number of matches (more typing narrows them).
 */
async function productsBySku(db: DbClient, q: string): Promise<AdminSearchProduct[]> {
  const hits = await db.$queryRaw<SkuHit[]>(Prisma.sql`
    SELECT v.id AS "variantId", v.sku, v.option1, v.option2, v.option3,
           p.id AS "productId", p.name, p.slug, p."imageUrl", p.active
    FROM (
      (SELECT * FROM product_variant WHERE sku IN (${q}, ${q.toUpperCase()}, ${q.toLowerCase()}))
      UNION
      (SELECT * FROM product_variant WHERE sku ILIKE ${`${likeLiteral(q)}%`} LIMIT ${SKU_CANDIDATES})
    ) v JOIN product p ON p.id = v."productId"`);
  const exact = (hit: SkuHit) => hit.sku.toUpperCase() === q.toUpperCase();
  const seen = new Set<string>();
  return hits
    .sort((a, b) => Number(exact(b)) - Number(exact(a)) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .filter((hit) => !seen.has(hit.productId) && seen.add(hit.productId))
    .slice(0, RESULTS_PER_KIND)
    .map((hit) => ({
      id: hit.productId,
      name: hit.name,
      slug: hit.slug,
      imageUrl: hit.imageUrl,
      active: hit.active,
      matchedVariant: {
        id: hit.variantId,
        sku: hit.sku,
        title: variantTitle([hit.option1, hit.option2, hit.option3]),
      },
    }));
}

/**
 * One search across the console: orders by number ("100008", "#100008") or by the customer's e-mail or
 * name, products by their words or a SKU (archived ones too), customers by e-mail or name. Orders,
 * words and customers go through the list they come from (listOrders, listProducts, listCustomers), so
 * a result here is what that page would show for the same filter.
 */
export async function searchAdmin(db: DbClient, q: string): Promise<AdminSearchResults> {
  const digits = ORDER_NUMBER.exec(q)?.[1];
  const number = digits && Number(digits) <= INT4_MAX ? Number(digits) : undefined;
  const orderFilter = number ? { number } : { customer: q };
  const [orders, bySku, byWords, customers] = await Promise.all([
    listOrders(db, OrderListInput.parse({ ...orderFilter, limit: RESULTS_PER_KIND })),
    productsBySku(db, q),
    number
      ? Promise.resolve({ products: [] })
      : listProducts(db, ProductListInput.parse({ q, includeArchived: true, limit: RESULTS_PER_KIND })),
    number ? Promise.resolve({ customers: [] }) : listCustomers(db, { q, limit: RESULTS_PER_KIND }),
  ]);
  const skuProductIds = new Set(bySku.map((product) => product.id));
  const products = [
    ...bySku,
    ...byWords.products
      .filter((product) => !skuProductIds.has(product.id))
      .map(({ id, name, slug, imageUrl, active }) => ({
        id,
        name,
        slug,
        imageUrl,
        active,
        matchedVariant: null,
      })),
  ].slice(0, RESULTS_PER_KIND);
  return {
    orders: orders.orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      totalCents: order.totalCents,
      currency: order.currency,
      customerEmail: order.customer.email,
    })),
    products,
    customers: customers.customers.map(({ id, name, email }) => ({ id, name, email })),
  };
}
