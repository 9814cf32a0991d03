import type { DbClient } from "../db-client.ts";
import { ProductListInput } from "../schemas/catalog.ts";
import { OrderListInput } from "../schemas/order.ts";
import { INT4_MAX } from "../schemas/text.ts";
import { listProducts } from "./catalog.ts";
import { listCustomers } from "./customers.ts";
import { listOrders } from "./orders.ts";

const RESULTS_PER_KIND = 5;
const ORDER_NUMBER = /^#?(\d{1,10})$/;

export interface AdminSearchResults {
  orders: {
    id: string;
    number: number;
    status: string;
    totalCents: number;
    currency: string;
    customerEmail: string;
  }[];
  products: { id: string; name: string; slug: string; imageUrl: string | null; active: boolean }[];
  customers: { id: string; name: string; email: string }[];
}

/**
 * One search across the console: orders by number ("100008", "#100008") or by the customer's e-mail or
 * name, products by their words (archived ones too), customers by e-mail or name. Each kind goes
 * through the list it comes from (listOrders, listProducts, listCustomers), so a result here is what
 * that page would show for the same filter.
 */
export async function searchAdmin(db: DbClient, q: string): Promise<AdminSearchResults> {
  const digits = ORDER_NUMBER.exec(q)?.[1];
  const number = digits && Number(digits) <= INT4_MAX ? Number(digits) : undefined;
  const orderFilter = number ? { number } : { customer: q };
  const [orders, products, customers] = await Promise.all([
    listOrders(db, OrderListInput.parse({ ...orderFilter, limit: RESULTS_PER_KIND })),
    number
      ? Promise.resolve({ products: [] })
      : listProducts(db, ProductListInput.parse({ q, includeArchived: true, limit: RESULTS_PER_KIND })),
    number ? Promise.resolve({ customers: [] }) : listCustomers(db, { q, limit: RESULTS_PER_KIND }),
  ]);
  return {
    orders: orders.orders.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      totalCents: order.totalCents,
      currency: order.currency,
      customerEmail: order.customer.email,
    })),
    products: products.products.map(({ id, name, slug, imageUrl, active }) => ({
      id,
      name,
      slug,
      imageUrl,
      active,
    })),
    customers: customers.customers.map(({ id, name, email }) => ({ id, name, email })),
  };
}
